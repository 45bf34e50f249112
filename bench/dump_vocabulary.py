"""Word lists, sentence templates and host-site UI strings for the synthetic dump generator.

Kept apart from `generate_dumps.py` so the generator reads as logic and this file as data.
Templates use two marks: `{slot}` is filled from the article's cast (people, places,
organisations, numbers) and `[a|b|c]` picks one alternative. Articles are built from many
short independent choices, so two unrelated articles share few word 5-grams and MinHash
does not mistake them for near-duplicates.

Every name, place, outlet and host site here is invented.
"""

from __future__ import annotations


def split(words: str) -> tuple[str, ...]:
    """Split a `|`-separated list (keeps the tables compact); `|` inside `[...]` stays."""
    items: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(words):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            items.append(words[start:index].strip())
            start = index + 1
    items.append(words[start:].strip())
    return tuple(items)


ARTICLE_LANGUAGES: dict[str, float] = {"en": 0.70, "de": 0.10, "es": 0.10, "fr": 0.10}

# ---------------------------------------------------------------------------------------
# People and places: syllables combine into thousands of distinct names per language.
# ---------------------------------------------------------------------------------------
FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "m": split(
            "Aldo|Bram|Callum|Dorian|Edwin|Fergus|Gideon|Hollis|Ivo|Jasper|Kieran|Lorcan|Milo"
            "|Nathaniel|Osric|Piers|Quentin|Rufus|Silas|Tobias|Ulric|Vaughan|Wystan|Ambrose"
            "|Barnaby|Cormac|Desmond|Emrys|Finlay|Garrick"
        ),
        "f": split(
            "Ada|Briony|Cressida|Delphine|Elowen|Fenella|Greer|Hesper|Isolde|Juno|Kerensa"
            "|Linnea|Marigold|Nerys|Oona|Perpetua|Rhiannon|Saffron|Tamsin|Una|Verity|Wren"
            "|Yolanda|Zinnia|Astrid|Beatrix|Clemency|Dilys|Esme|Freya"
        ),
    },
    "de": {
        "m": split(
            "Anselm|Bastian|Cornelius|Detlef|Eckart|Florian|Gernot|Hagen|Ingo|Jost|Kilian"
            "|Lorenz|Malte|Nikolai|Ortwin|Quirin|Rüdiger|Sönke|Thilo|Volker|Wendelin"
        ),
        "f": split(
            "Adelheid|Birte|Dörte|Edda|Frauke|Gesine|Hilke|Imke|Jutta|Kerstin|Lieselotte"
            "|Meike|Nele|Ottilie|Rieke|Swantje|Tjarda|Ulrike|Wiebke|Silke"
        ),
    },
    "es": {
        "m": split(
            "Abelardo|Baltasar|Casimiro|Desiderio|Eusebio|Fermín|Gaspar|Higinio|Isidoro"
            "|Jacinto|Leandro|Macario|Nicanor|Olegario|Pascual|Quirico|Remigio|Saturnino"
            "|Teodoro|Valeriano"
        ),
        "f": split(
            "Adela|Brígida|Casilda|Dorotea|Eulalia|Felisa|Genoveva|Herminia|Inocencia|Jimena"
            "|Leocadia|Macarena|Nieves|Obdulia|Petronila|Remedios|Sagrario|Tomasa|Visitación"
            "|Zoraida"
        ),
    },
    "fr": {
        "m": split(
            "Achille|Baptiste|Césaire|Donatien|Eudes|Fulbert|Gaspard|Hippolyte|Isidore"
            "|Jocelyn|Lazare|Maximin|Norbert|Onésime|Prosper|Romuald|Séverin|Théophile"
            "|Urbain|Valentin"
        ),
        "f": split(
            "Albane|Bérengère|Clémence|Domitille|Eulalie|Félicie|Gwladys|Honorine|Isaure"
            "|Joséphine|Léontine|Mahaut|Noémie|Ombeline|Pernelle|Rosalie|Solène|Thaïs"
            "|Violaine|Zélie"
        ),
    },
}

SURNAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        split(
            "Ash|Black|Brack|Cald|Dun|Elder|Fen|Gar|Hart|Hol|Kest|Lang|Marl|Nor|Oak|Pell|Quar"
            "|Rad|Stan|Thorn|Ul|Vell|Wick|Yar|Brom|Crag|Drey|Esk|Fal|Gorm"
        ),
        split(
            "ford|by|well|more|ley|wick|ton|ridge|worth|stead|hurst|combe|dale|man|son|er"
            "|ing|low|gate|field"
        ),
    ),
    "de": (
        split(
            "Ahl|Brand|Dorn|Eck|Fahr|Grün|Hell|Kamp|Lind|Mühl|Ost|Rott|Sand|Stein|Tann|Wald"
            "|Wend|Zier|Holt|Kress|Bre|Hau"
        ),
        split("mann|berg|meier|hoff|horst|bach|feld|brink|er|ling|hagen|kötter|rath|huber"),
    ),
    "es": (
        split("Al|Bel|Cas|Dor|Esc|Fon|Gal|Her|Lar|Mon|Nav|Ol|Pel|Quir|Rib|Sal|Tor|Val|Zar|Bar"),
        split("ero|ales|ino|ado|ete|illa|ura|eda|ana|ón|ueta|ilde|eira|anco"),
    ),
    "fr": (
        split(
            "Beau|Cham|Del|Fer|Gar|Lam|Mal|Mar|Mont|Per|Roch|Sau|Val|Ver|Bois|Cour|Dur|Gran|Lav|Poi"
        ),
        split("bert|champ|court|fort|mont|noir|pierre|ville|vert|lac|mare|roux|tier|ard|ot"),
    ),
}

PLACE_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        split(
            "Brenn|Ald|Car|Dor|Ember|Fal|Glen|Hal|Inver|Kil|Lun|Mor|Nether|Or|Pen|Ros|Sel"
            "|Tarn|Wester|Yew|Ard|Bally|Crom|Dray|Ost|Quen|Rath|Skel|Vard|Hex"
        ),
        split(
            "holm|mouth|haven|bury|stow|ness|wick|ford|field|moor|port|by|thorpe|ley|dale"
            "|brook|mere|gate|cross|wold"
        ),
    ),
    "de": (
        split(
            "Alt|Birk|Eichen|Falken|Hohen|Kirch|Linden|Mohr|Neu|Ober|Rosen|Schwarz|Tann|Unter"
            "|Weiden|Wolfs|Hassel|Sonnen|Kalten|Erlen"
        ),
        split("burg|dorf|feld|hausen|heim|stedt|bach|brück|au|hagen|rode|tal|furt|wald|see"),
    ),
    "es": (
        split("Villa|Torre|Campo|Puebla|Fuente|Valde|Castro|Peña|Ribera|Monte|Navas|Cabeza"),
        split("luna|seca|nueva|rubia|mora|llana|alta|verde|sorda|hermosa|fría|blanca|real|dorada"),
    ),
    "fr": (
        split("Ville|Mont|Font|Roche|Beau|Bel|Cham|Val|Bourg|Lan|Sau|Mar|Ros|Cour|Brie|Vaux"),
        split("ac|ane|ay|eux|ière|ville|mont|fort|bourg|lieu|val|court|aine|ès|oux|gny"),
    ),
}

CURRENCIES = split("crowns|euros|marks|florins|pounds|thalers")

# ---------------------------------------------------------------------------------------
# English: topics give things, organisations, roles and units; sentences are generic.
# ---------------------------------------------------------------------------------------
EN_TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "transport": {
        "things": split(
            "the new ferry timetable|the bus depot plan|a freight rail terminal|the bridge "
            "repair contract|night trains to the coast|the ring road extension|a tram line to "
            "the airport|cheaper season tickets|the harbour tunnel project|electric buses for "
            "the old town|the closure of the branch line|a second runway"
        ),
        "orgs": split(
            "Port Authority|Transit Company|Rail Board|Ferry Services|Highways Agency"
            "|Airport Company"
        ),
        "roles": split(
            "transport minister|port director|rail union organiser|bus company chief "
            "executive|city traffic planner|airport spokesman"
        ),
        "units": split("passengers a day|buses|sailings a week|kilometres of track|trains"),
    },
    "politics": {
        "things": split(
            "the coalition agreement|the municipal budget|a referendum on the merger|the new "
            "voting districts|the mayor's spending plans|a ban on second homes|the tax on "
            "tourist flats|the police reform bill|early elections|the autonomy statute|a cap "
            "on council pay|the housing bill"
        ),
        "orgs": split(
            "District Council|Regional Assembly|City Hall|Electoral Commission|Finance "
            "Ministry|People's Party"
        ),
        "roles": split(
            "mayor|finance minister|opposition leader|council leader|party chairman"
            "|regional governor"
        ),
        "units": split("votes|seats|signatures|council members|voters"),
    },
    "business": {
        "things": split(
            "the takeover offer|a new assembly plant|the wage agreement|plans to cut 300 "
            "jobs|the quarterly dividend|a merger with a rival brewery|the sale of the "
            "shipyard|a four-day working week|the new distribution centre|the pension fund "
            "deficit|an export deal|the closure of two stores"
        ),
        "orgs": split(
            "Shipyards|Brewing Company|Savings Bank|Textile Works|Logistics Group"
            "|Chamber of Commerce"
        ),
        "roles": split(
            "chief executive|works council chair|finance director|union negotiator|economy "
            "minister|shareholder representative"
        ),
        "units": split("jobs|tonnes|orders|shops|employees"),
    },
    "environment": {
        "things": split(
            "the wind farm off the coast|a ban on peat cutting|the new recycling scheme|the "
            "river clean-up plan|a moratorium on drilling|the protected wetland|the solar park "
            "on the old airfield|lower fishing quotas|the reforestation programme|the landfill "
            "extension|a ban on diesel cars in the centre|the beaver reintroduction project"
        ),
        "orgs": split(
            "Environment Agency|Water Board|Wildlife Trust|Forestry Commission|Energy "
            "Cooperative|Nature Reserve"
        ),
        "roles": split(
            "environment minister|chief ecologist|water board director|campaign coordinator"
            "|forestry officer|farmers' union chair"
        ),
        "units": split("hectares|tonnes of waste|turbines|households|nesting pairs"),
    },
    "courts": {
        "things": split(
            "the fraud trial|a wave of burglaries|the new CCTV network|the smuggling "
            "investigation|a ban on drinking in the park|the appeal against the verdict|the "
            "murder inquiry|the inquiry into police conduct|a crackdown on illegal taxis|the "
            "closure of the prison wing|the bribery case|stricter sentences for arson"
        ),
        "orgs": split(
            "Police Department|District Court|Prosecutor's Office|Customs Service|Prison "
            "Service|Bar Association"
        ),
        "roles": split(
            "police chief|prosecutor|defence lawyer|judge|customs director|detective inspector"
        ),
        "units": split("arrests|cases|officers|complaints|witnesses"),
    },
    "health": {
        "things": split(
            "the maternity ward closure|a new cancer clinic|the vaccination campaign|the "
            "hospital merger|night-time ambulance cover|the shortage of family doctors|the "
            "waiting list for hip operations|free dental checks for children|the new mental "
            "health service|hospital parking fees|the measles outbreak|the care home inspection"
        ),
        "orgs": split(
            "General Hospital|Health Authority|Ambulance Service|Medical Association|Nursing "
            "Union|Health Ministry"
        ),
        "roles": split(
            "health minister|hospital director|chief nurse|family doctor|ambulance service "
            "chief|patients' representative"
        ),
        "units": split("patients|beds|nurses|appointments|cases"),
    },
    "education": {
        "things": split(
            "the school merger|free school meals|the new university campus|the teachers' pay "
            "offer|the closure of the village school|a ban on phones in class|the exam "
            "timetable|the student housing plan|the shortage of maths teachers|the language "
            "immersion programme|school bus cuts|the library renovation"
        ),
        "orgs": split(
            "School Board|University|Teachers' Union|Education Department|Parents' "
            "Association|Technical College"
        ),
        "roles": split(
            "head teacher|education minister|university rector|union representative|parents' "
            "association chair|student union president"
        ),
        "units": split("pupils|teachers|students|classrooms|places"),
    },
    "culture": {
        "things": split(
            "the festival programme|the museum extension|the restoration of the opera "
            "house|a ban on street music|the film studio plan|the new concert hall|the sale of "
            "rare books|funding for the puppet theatre|the harbour arts fair|the return of the "
            "carnival parade|the sale of the town's tapestries|the jazz week"
        ),
        "orgs": split(
            "Museum|Opera House|Arts Council|Festival Trust|Film Commission|Heritage Society"
        ),
        "roles": split(
            "festival director|museum curator|culture minister|theatre manager|heritage "
            "officer|conductor"
        ),
        "units": split("visitors|tickets|performances|paintings|volunteers"),
    },
    "sport": {
        "things": split(
            "the stadium redevelopment|the bid for the regional games|the new coach's "
            "contract|the sale of the club|a ban on away fans|the ice rink renovation|the "
            "marathon route|the youth academy|the transfer of their top scorer|the league's "
            "salary cap|the rowing regatta|the cycling tour stage"
        ),
        "orgs": split(
            "Football Club|Rowing Club|Sports Council|Athletics Federation|Ice Hockey Club"
            "|Games Committee"
        ),
        "roles": split(
            "club chairman|head coach|team captain|sports minister|league commissioner"
            "|supporters' trust chair"
        ),
        "units": split("spectators|points|goals|season tickets|members"),
    },
    "science": {
        "things": split(
            "the new research vessel|the telescope upgrade|a study of the coastal aquifer|the "
            "seed bank for local crops|the particle detector|the survey of seabird colonies|the "
            "earthquake monitoring network|the satellite launch|a trial of drought-resistant "
            "barley|the ice core project|the fossil excavation|the seismic survey"
        ),
        "orgs": split(
            "Institute of Technology|Research Council|Geological Survey|Marine Laboratory"
            "|Observatory|Academy of Sciences"
        ),
        "roles": split(
            "lead researcher|professor of geology|observatory director|research council "
            "chair|marine biologist|project coordinator"
        ),
        "units": split("samples|species|measurements|researchers|sensors"),
    },
    "emergencies": {
        "things": split(
            "the flood defences|the evacuation of the valley|storm damage to the sea wall|the "
            "drought emergency plan|the landslide on the mountain road|repairs to the storm "
            "drains|the wildfire on the heath|the snow clearing budget|the new warning "
            "sirens|the rebuilding of the pier|the hailstorm damage|the river dredging"
        ),
        "orgs": split(
            "Civil Protection Agency|Fire Service|Weather Office|Flood Authority|Red Cross "
            "branch|Coastguard"
        ),
        "roles": split(
            "fire chief|civil protection director|meteorologist|coastguard commander|relief "
            "coordinator|emergency planning officer"
        ),
        "units": split("households|millimetres of rain|firefighters|hectares|evacuees"),
    },
}

# Slots shared by every language: name, last, role, pron, Pron, org, org2, place, place2,
# thing, thing2, num, num2, small, small2, pct, year, year2, month, day, money, when,
# Q (a quote, capitalised), q (lower case), q2 (a quote's continuation), O/C (quote marks),
# outlet2 (another invented outlet).
# English-only: verb, vpp, reason, unit.
EN = {
    "verb": split(
        "approved|rejected|postponed|defended|criticised|welcomed|questioned|scrapped|revived"
        "|announced|backed|blocked|reviewed|delayed|halted|expanded|cut back|rushed through"
        "|put on hold|signed off"
    ),
    "verb_headline": split(
        "backs|rejects|delays|scraps|revives|defends|approves|questions|halts|expands|blocks"
        "|reviews|signs off|shelves"
    ),
    "vpp": split(
        "approved|rejected|postponed|scrapped|delayed|halted|expanded|reviewed|blocked|signed "
        "off|put on hold|cut back"
    ),
    "reason": split(
        "after months of complaints|because of rising costs|despite objections from "
        "residents|following an independent review|to save money|after a row over funding"
        "|ahead of the winter|under pressure from local businesses|after a narrow vote"
        "|without a public consultation|after a legal challenge|because of a shortage of "
        "staff|after a critical report by auditors|in the face of protests|at the request of "
        "the ministry"
    ),
    "when": split(
        "on {day}|last week|earlier this month|in {month}|late on {day}|on {day} evening"
        "|over the weekend|on {day} morning"
    ),
    "days": split("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"),
    "months": split(
        "January|February|March|April|May|June|July|August|September|October|November|December"
    ),
    "pron": {"m": "he", "f": "she"},
    "sentences": split(
        "{name}, the {role}, said {when} that the {org} had {verb} {thing} {reason}."
        "|The {org} {verb} {thing} {when} {reason}."
        "|About {num} {unit} [are|were] affected, according to figures from the {org}."
        "|[Last year|In {year}|Two years ago] the {org} {verb} {thing}, and {pct} percent of "
        "people in {place} [backed|opposed] the move in a survey."
        "|{place} now has {num} {unit}, [up|down] from {num2} in {year}."
        "|Critics in {place} say {thing} will cost far more than the {money} [now budgeted|set "
        "aside|promised by the {org}]."
        "|The idea of {thing} was first put forward in {year} by {name}, [then|at the time] a "
        "{role}."
        "|A spokesperson for the {org} said {thing} would be {vpp} by {month} {year2}."
        "|Residents of {place} and {place2} have been [waiting for|arguing about|campaigning "
        "against] {thing} since {year}."
        "|Figures for {place} show {num} {unit} in {month}, compared with {num2} a year "
        "earlier."
        "|{name} has asked the {org} to explain why {thing} was {vpp} [without a vote|so "
        "quickly|at such short notice]."
        "|Talks between the {org} and the {org2} [are due to resume|will continue|broke down] "
        "on {day}."
        "|The {org} said it would publish a [full|detailed|final] report on {thing} in "
        "{month}."
        "|Neither the {org} nor {name} [responded to|answered] requests for comment on {day}."
        "|In {year}, a similar dispute over {thing} in {place2} took {small} weeks to "
        "[settle|resolve]."
        "|{name} said {pron} had {verb} {thing} [because the numbers did not add up|after "
        "visiting {place}|on the advice of the {org}|to protect jobs in {place}]."
        "|[Dozens of|Hundreds of|About {num}] [supporters|opponents] of {thing} gathered outside "
        "the {org} in {place} on {day}."
        "|The [cost|price] of {thing} has [risen|fallen] to {money}, [the {org} said|according "
        "to the {org}|budget papers show]."
        "|{thing} [was|had been] [the main issue|a sore point|a recurring theme] [in|during] "
        "[the campaign|the last council term|talks with the {org}]."
        "|[On {day}|Later that day|The same evening], {name} met representatives of the "
        "{org2} in {place}."
        "|The {org2} [has warned|warned] that {thing} could [affect|put at risk] up to {num} "
        "{unit}."
        "|[Under the plan|Under the proposal|If approved], {thing} would [start|begin|be "
        "phased in] in {month} {year2} and cost {money}."
        "|A [report|study|survey] by the {org2} [found|suggested] that {pct} percent of "
        "{unit} in {place} [were|had been] [affected|left out|overlooked]."
        "|{name}, who has [led|chaired|run] the {org} since {year}, is [expected to|due to] "
        "[step down|stand again|present the plan] in {month}."
        "|The [decision|announcement|vote] came {small} days after {thing2} was {vpp} in "
        "{place2}."
        "|[Opposition|Local] politicians in {place} [called for|demanded] an [inquiry|audit"
        "|independent review] into {thing}."
        "|The {org} employs {num} people in {place} and [another|a further] {small} hundred "
        "in {place2}."
        "|[Officials|Engineers|Inspectors] from the {org2} [visited|inspected] the site near "
        "{place} {when}."
        "|It is the [second|third|fourth|fifth] time since {year} that the {org} has {verb} "
        "{thing}."
        "|[Earlier|Previously], {name} had [described|called] {thing} [a priority|a mistake|a "
        "waste of money|long overdue]."
        "|Turnout at the public meeting in {place} was [high|low], with about {small}0 people "
        "[attending|in the hall]."
        "|Road and rail links to {place} [were|remained] [disrupted|unaffected] on {day}, the "
        "{org2} said."
        "|The {org} has [set aside|borrowed|requested] {money} for {thing} over the next "
        "{small} years."
        "|{place2}, [a town of|home to] about {num} people, [faces|has faced] [similar "
        "problems|the same question] since {year}."
        "|[The|That] figure [compares with|is well below|is close to] the {num2} recorded "
        "across the region in {year}."
    ),
    "quotes": split(
        "We [will not|cannot|are not going to] [accept|support|ignore] {thing} [in its current "
        "form|without guarantees for {place}|at any price|as it stands]"
        "|This is [the best|the worst|a difficult|a good] [news|day|result] for {place} in "
        "[years|a decade|a long time]"
        "|Nobody in {place} asked for {thing}"
        "|I have lived in {place} for {small}0 years and I have never seen [anything like this"
        "|so many people this angry|the town so divided]"
        "|[People|Families|Shop owners|Workers] in {place} [deserve|need|want] [answers|a fair "
        "deal|some certainty] [before the winter|by {month}|now, not next year]"
        "|The numbers [speak for themselves|are not the whole story|tell only part of the "
        "story]"
        "|We [warned|said|told the {org}] [this would happen|for years that {thing} was needed"
        "|that the money would run out]"
        "|[If|Unless] the {org} [changes course|listens to residents|finds the money], {thing} "
        "will [fail|be delayed again|cost twice as much]"
        "|[It is|This was] a [difficult|fair|sensible|bad] decision, and [we stand by it|I "
        "understand the anger|nobody is happy with it]"
        "|[Our|My] priority is {thing}, [and that has not changed|not headlines|whatever the "
        "polls say]"
        "|We have [waited|worked|fought] for {thing} for {small} years, and we [are not giving "
        "up now|will keep going|deserve better]"
        "|[There is|We see] no [evidence|sign|reason] that {thing} [has failed|will be cheaper"
        "|is working]"
    ),
    "continuations": split(
        "[and|but] [that is what we will tell the {org}|nobody is listening|we will keep "
        "saying it until {month}|the {org} knows it|the people of {place} know that better "
        "than anyone]"
    ),
    "attributions": split(
        "{O}{Q},{C} {name} said."
        "|{O}{Q},{C} said {name}, the {role}."
        "|{name}, the {role}, said: {O}{Q}.{C}"
        "|{name} told reporters in {place}: {O}{Q}.{C}"
        "|{O}{Q},{C} {last} said, {O}{q2}.{C}"
        "|{name} said {thing} had been discussed at length. {O}{Q},{C} {pron} said."
        "|[Local radio|Radio {place}|The {place} Herald] quoted {name} as saying {O}{q}{C}."
        "|{O}{Q},{C} a [senior|] [ministry|police|council|company|government] official said, "
        "speaking on condition of anonymity."
        "|According to {name}, the {role}, {thing} [is|was] [on track|behind schedule|over "
        "budget]. {O}{Q},{C} {pron} said."
        "|{O}{Q}. {Q},{C} {last} [added|said]."
    ),
    "headlines": split(
        "{place} {verb_headline} {thing_bare}"
        "|{org} {verb_headline} {thing_bare} [after {day} vote|amid protests|as costs rise]"
        "|Row over {thing_bare} deepens in {place}"
        "|{last} {verb_headline} {thing_bare} as {place} [waits|counts the cost|braces for "
        "delays]"
        "|{num} {unit} in {place}: {org} {verb_headline} {thing_bare}"
        "|{place}: {thing_bare} [in doubt|back on the table|on hold] after [{day} vote|audit"
        "|protests]"
        "|What {thing_bare} means for {place}"
        "|{org} under fire over {thing_bare}"
    ),
    "captions": split(
        "{name} [in|outside the town hall in|at a meeting in] {place} on {day}."
        "|[A view of|Workers at|Visitors at] {place} [last month|earlier this year|on {day}]."
    ),
    "added": split(
        "Correction: An earlier version of this story gave the wrong figure for the number of "
        "{unit} in {place}."
        "|This story has been updated with comment from the {org2}."
        "|{name} [later|also] said that {thing} [would be discussed again|was not the only "
        "option] [in {month}|at the next meeting]."
    ),
    "synonyms": (
        ("about", "around"),
        ("residents", "locals"),
        ("officials", "authorities"),
        ("people", "residents"),
        ("figures", "data"),
        ("meeting", "session"),
        ("report", "review"),
        ("decision", "ruling"),
        ("warned", "cautioned"),
        ("said", "stated"),
        ("asked", "urged"),
        ("months", "weeks"),
        ("affected", "hit"),
        ("site", "area"),
    ),
}

DE = {
    "things": split(
        "den neuen Busfahrplan|die Sanierung der Stadthalle|den Ausbau der Umgehungsstraße"
        "|die Schließung der Geburtsstation|das geplante Gewerbegebiet|die Erhöhung der "
        "Grundsteuer|den Bau eines Windparks|die Zusammenlegung zweier Schulen|das neue "
        "Hallenbad|die Verlängerung der Straßenbahn|den Verkauf des Klinikums|die Sperrung "
        "der Flussbrücke|ein Tempolimit in der Innenstadt|die Förderung für Lastenräder|den "
        "Abriss des alten Bahnhofs|die höheren Kita-Gebühren|den Neubau der Feuerwache"
        "|die Reform der Müllabfuhr"
    ),
    "orgs": split(
        "Der Stadtrat von {place}|Die Kreisverwaltung in {place}|Das Landratsamt {place}"
        "|Der Zweckverband {place}|Die Bezirksregierung in {place}|Der Gemeinderat von {place}"
        "|Die Verkehrsgesellschaft {place}|Das Gesundheitsamt {place}"
    ),
    "roles": {
        "m": split(
            "Bürgermeister|Landrat|Geschäftsführer|Betriebsratsvorsitzender|Fraktionschef"
            "|Verkehrsdezernent|Kreisbrandmeister"
        ),
        "f": split(
            "Bürgermeisterin|Landrätin|Geschäftsführerin|Betriebsratsvorsitzende"
            "|Fraktionschefin|Verkehrsdezernentin|Kreisbrandmeisterin"
        ),
    },
    "units": split("Einwohner|Haushalte|Beschäftigte|Fahrgäste|Schüler|Patienten|Landwirte"),
    "vpp": split(
        "beschlossen|abgelehnt|verschoben|gestoppt|genehmigt|kritisiert|überprüft|vorgestellt"
        "|gebilligt|auf Eis gelegt"
    ),
    "days": split("Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag"),
    "months": split(
        "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    ),
    "pron": {"m": "er", "f": "sie"},
    "sentences": split(
        "{org} hat am {day} {thing} {vpp}."
        "|Nach Angaben der Verwaltung sind rund {num} {unit} betroffen."
        "|{name}, {role} in {place}, sagte am {day}, man habe {thing} [bewusst|nach langer "
        "Prüfung|einstimmig] {vpp}."
        "|Bereits {year} hatte {org_lc} über {thing} [beraten|gestritten|abgestimmt]."
        "|Die Kosten für {thing} belaufen sich [inzwischen|nach neuen Berechnungen] auf "
        "{money}."
        "|In {place} gibt es derzeit {num} {unit}, im Jahr {year} waren es noch {num2}."
        "|Kritiker bemängeln, dass die Bürger [zu spät|kaum|gar nicht] beteiligt worden seien."
        "|Eine Entscheidung über {thing} soll im {month} fallen."
        "|Anwohner aus {place} und {place2} warten seit {year} auf {thing}."
        "|{name} kündigte an, {thing} bis {month} {year2} prüfen zu lassen."
        "|Eine Petition gegen {thing} hat [bereits|bislang] {num} Unterschriften gesammelt."
        "|Laut einer Umfrage unterstützen {pct} Prozent der Befragten in {place} {thing}."
        "|Die Gespräche [sollen am {day} fortgesetzt werden|wurden am {day} ergebnislos "
        "abgebrochen]."
        "|Nach Angaben von {name} fehlen für {thing} noch {money}."
        "|Am {day} trafen sich Vertreter beider Seiten im Rathaus von {place2}."
        "|Ein Sprecher der Landesregierung wollte sich am {day} [nicht äußern|nicht dazu "
        "äußern]."
        "|Der Beschluss fiel mit {small} zu {small2} Stimmen."
        "|Die Bauarbeiten sollen [nach Angaben der Stadt|laut Planung] {small} Monate dauern."
        "|{place2} hatte {year} ein ähnliches Verfahren [hinter sich gebracht|abgebrochen]."
        "|Im {month} hatten [rund|mehr als] {num} Menschen in {place} gegen {thing} "
        "demonstriert."
        "|{name} [warf|hielt] {org_lc} [mangelnde Transparenz|Versäumnisse bei der Planung] vor."
        "|Für {thing} hatte {org_lc} bereits {year} Fördermittel [beantragt|in Aussicht "
        "gestellt]."
        "|Bis zu {num} {unit} könnten nach Einschätzung von {org2_lc} [betroffen sein|davon "
        "profitieren]."
        "|Ein Gutachten [empfiehlt|rät], {thing} [zu verschieben|neu zu planen|zügig umzusetzen]."
        "|Die Sitzung in {place} dauerte [mehr als|knapp] {small} Stunden."
    ),
    "quotes": split(
        "[Wir werden|Wir können] {thing} so nicht [hinnehmen|mittragen|akzeptieren]"
        "|Das ist [ein guter|ein schwarzer|ein wichtiger] Tag für {place}"
        "|Niemand in {place} hat {thing} verlangt"
        "|Die Menschen in {place} [brauchen|verdienen] endlich [Klarheit|eine faire Lösung"
        "|verlässliche Zahlen]"
        "|Wir haben [seit Jahren|immer wieder] vor [dieser Entwicklung|den Kosten|den Folgen] "
        "gewarnt"
        "|Ich lebe seit {small}0 Jahren in {place} und habe so etwas noch nie erlebt"
        "|Die Zahlen sprechen [für sich|eine klare Sprache]"
        "|Wir kämpfen seit {small} Jahren für {thing} und geben jetzt nicht auf"
    ),
    "continuations": split(
        "[und|aber] [das werden wir auch im {month} sagen|niemand hört uns zu|das weiß auch "
        "die Verwaltung]"
    ),
    "attributions": split(
        "{O}{Q}{C}, sagte {name}."
        "|{O}{Q}{C}, sagte {name}, {role} in {place}."
        "|{name} sagte: {O}{Q}.{C}"
        "|{O}{Q}{C}, so {last}."
        "|{O}{Q}{C}, sagte {last}, {O}{q2}.{C}"
        "|{name} sagte am {day} vor Journalisten: {O}{Q}.{C}"
        "|{O}{Q}{C}, sagte ein hochrangiger Beamter des Ministeriums, der nicht genannt werden "
        "wollte."
        "|{name} verwies auf die Kosten. {O}{Q}{C}, sagte {pron}."
        "|Nach Angaben von {name} ist die Finanzierung noch offen. {O}{Q}{C}, sagte {pron}."
    ),
    "headlines": split(
        "{place}: {org} stoppt {thing}"
        "|Streit um {thing} in {place} spitzt sich zu"
        "|{last} verteidigt {thing}"
        "|{num} {unit} betroffen: Ärger um {thing} in {place}"
        "|{place} stimmt über {thing} ab"
        "|Was die Entscheidung über {thing} für {place} bedeutet"
    ),
    "captions": split("{name} am {day} in {place}.|Blick auf {place} im {month}."),
    "added": split(
        "Korrektur: In einer früheren Fassung dieses Artikels war die Zahl der {unit} in "
        "{place} falsch angegeben."
        "|{name} kündigte zudem an, {thing} im {month} erneut zu beraten."
    ),
    "synonyms": (
        ("rund", "etwa"),
        ("sagte", "erklärte"),
        ("Anwohner", "Bewohner"),
        ("Kosten", "Ausgaben"),
        ("derzeit", "aktuell"),
        ("Entscheidung", "Abstimmung"),
        ("Gespräche", "Verhandlungen"),
        ("inzwischen", "mittlerweile"),
        ("Kritiker", "Gegner"),
    ),
}

ES = {
    "things": split(
        "el nuevo plan de movilidad|la reforma del mercado de abastos|el cierre del centro de "
        "salud|la ampliación del polígono industrial|la subida de la tasa de basuras|la "
        "construcción de un parque eólico|la fusión de los dos colegios|el nuevo "
        "polideportivo|la prolongación del tranvía|la venta del antiguo cuartel|el carril bici "
        "de la avenida|la depuradora comarcal|el proyecto de circunvalación|la nueva "
        "residencia de mayores|el presupuesto municipal|el traslado de la estación de autobuses"
    ),
    "orgs": split(
        "El Ayuntamiento de {place}|La Diputación de {place}|La Mancomunidad de {place}|El "
        "Consorcio de Aguas de {place}|La Consejería de Sanidad|La Confederación "
        "Hidrográfica|La Cámara de Comercio de {place}"
    ),
    "roles": {
        "m": split(
            "alcalde|concejal de Urbanismo|presidente de la asociación de vecinos|director del "
            "hospital|portavoz de la oposición|delegado sindical"
        ),
        "f": split(
            "alcaldesa|concejala de Urbanismo|presidenta de la asociación de vecinos|directora "
            "del hospital|portavoz de la oposición|delegada sindical"
        ),
    },
    "units": split("vecinos|hogares|empleos|alumnos|pacientes|viajeros|agricultores"),
    "vpp": split(
        "aprobado|rechazado|aplazado|paralizado|presentado|criticado|revisado|adjudicado|recurrido"
    ),
    "days": split("lunes|martes|miércoles|jueves|viernes|sábado|domingo"),
    "months": split(
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    ),
    "pron": {"m": "él", "f": "ella"},
    "sentences": split(
        "{org} ha {vpp} {thing} este {day}."
        "|Según los datos de {org_lc}, unos {num} {unit} se verán afectados."
        "|{name}, {role}, explicó que el proyecto costará {money}."
        "|En {year}, {org_lc} ya había {vpp} {thing}."
        "|Los vecinos de {place} y {place2} llevan desde {year} esperando {thing}."
        "|La oposición ha pedido una auditoría [independiente|externa] sobre {thing}."
        "|El coste de {thing} asciende ya a {money}."
        "|En {place} hay actualmente {num} {unit}, frente a los {num2} de {year}."
        "|Una encuesta municipal indica que el {pct} % de los vecinos apoya {thing}."
        "|La decisión se tomó por {small} votos a favor y {small2} en contra."
        "|Las negociaciones se reanudarán el próximo {day}."
        "|{name} se reunió el {day} con representantes de {org2_lc}."
        "|Los críticos sostienen que {thing} se ha {vpp} sin consultar a los vecinos."
        "|Fuentes municipales calculan que las obras durarán {small} meses."
        "|Más de {num} personas firmaron una petición contra {thing}."
        "|En {place2} se vivió una situación parecida en {year}."
        "|En {month}, [cerca de|más de] {num} personas se manifestaron en {place} contra "
        "{thing}."
        "|{name} acusó a {org2_lc} de [falta de transparencia|improvisar|retrasar los pagos]."
        "|{org} solicitó en {year} una subvención para {thing}."
        "|Hasta {num} {unit} podrían [verse afectados|beneficiarse], según {org2_lc}."
        "|Un informe técnico recomienda [aplazar|revisar|acelerar] {thing}."
        "|El pleno de {place} se prolongó durante [más de|casi] {small} horas."
    ),
    "quotes": split(
        "No vamos a aceptar {thing} tal y como está"
        "|Es un [gran|mal|triste|buen] día para {place}"
        "|Nadie en {place} ha pedido {thing}"
        "|Los vecinos de {place} merecen [respuestas|una solución justa|claridad] [ya|antes "
        "del verano|de una vez]"
        "|Llevamos {small} años [esperando|pidiendo] {thing}"
        "|Las cifras hablan por sí solas"
        "|Ya advertimos de que [esto iba a pasar|el dinero no llegaría|los plazos no se "
        "cumplirían]"
        "|Sin {thing}, {place} no tiene futuro"
    ),
    "continuations": split(
        "[y|pero] [así se lo diremos a la consejería|nadie nos escucha|lo seguiremos diciendo "
        "en {month}]"
    ),
    "attributions": split(
        "{O}{Q}{C}, aseguró {name}."
        "|{O}{Q}{C}, afirmó {name}, {role}."
        "|{name} declaró: {O}{Q}.{C}"
        "|{O}{Q}{C}, dijo {last}, {O}{q2}{C}."
        "|Según {name}, el proyecto sigue adelante. {O}{Q}{C}, señaló."
        "|{O}{Q}{C}, indicó un alto cargo de la consejería que pidió no ser identificado."
        "|{name} habló con los periodistas a la salida del pleno. {O}{Q}{C}, explicó."
        "|{name} dijo a los periodistas: {O}{Q}.{C}"
    ),
    "headlines": split(
        "{place}: {org_lc} frena {thing}"
        "|Crece la polémica por {thing} en {place}"
        "|{last} defiende {thing}"
        "|{num} {unit} afectados por {thing} en {place}"
        "|{place} vota {thing}"
        "|Qué supone {thing} para {place}"
    ),
    "captions": split("{name}, este {day} en {place}.|Vista de {place} en {month}."),
    "added": split(
        "Corrección: una versión anterior de esta noticia daba una cifra errónea de {unit} en "
        "{place}."
        "|{name} anunció además que {thing} volverá a debatirse en {month}."
    ),
    "synonyms": (
        ("unos", "alrededor de"),
        ("vecinos", "residentes"),
        ("aseguró", "afirmó"),
        ("coste", "gasto"),
        ("actualmente", "hoy"),
        ("decisión", "medida"),
        ("proyecto", "plan"),
        ("petición", "solicitud"),
    ),
}

FR = {
    "things": split(
        "le nouveau plan de circulation|la fermeture de la maternité|l’extension de la zone "
        "commerciale|la hausse de la taxe foncière|le projet de parc éolien|la fusion des deux "
        "collèges|la nouvelle piscine intercommunale|le prolongement du tramway|la vente de "
        "l’ancienne caserne|la piste cyclable du boulevard|la station d’épuration|le "
        "contournement routier|la rénovation de la salle des fêtes|le budget municipal|la "
        "réouverture de la ligne ferroviaire|le déménagement de la gare routière"
    ),
    "orgs": split(
        "Le conseil municipal de {place}|La communauté de communes de {place}|La préfecture"
        "|Le conseil départemental|L’agence régionale de santé|La chambre de commerce de "
        "{place}|Le syndicat des eaux de {place}"
    ),
    "roles": {
        "m": split(
            "maire de {place}|adjoint à l’urbanisme|président de l’association des riverains"
            "|directeur de l’hôpital|conseiller d’opposition|délégué syndical"
        ),
        "f": split(
            "maire de {place}|adjointe à l’urbanisme|présidente de l’association des riverains"
            "|directrice de l’hôpital|conseillère d’opposition|déléguée syndicale"
        ),
    },
    "units": split("habitants|foyers|emplois|élèves|patients|usagers|agriculteurs"),
    "vpp": split("adopté|rejeté|reporté|suspendu|présenté|critiqué|validé|contesté"),
    "days": split("lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"),
    "months": split(
        "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    ),
    "pron": {"m": "il", "f": "elle"},
    "sentences": split(
        "{org} a {vpp} {thing} {day} soir."
        "|Selon {org_lc}, environ {num} {unit} sont concernés."
        "|{name}, {role}, a indiqué que le projet coûterait {money}."
        "|Dès {year}, {org_lc} avait {vpp} {thing}."
        "|Les habitants de {place} et de {place2} attendent {thing} depuis {year}."
        "|L’opposition réclame un audit [indépendant|externe] sur {thing}."
        "|Le coût de {thing} atteint désormais {money}."
        "|On compte aujourd’hui {num} {unit} à {place}, contre {num2} en {year}."
        "|Selon un sondage, {pct} % des habitants de {place} soutiennent {thing}."
        "|La décision a été prise par {small} voix contre {small2}."
        "|Les discussions reprendront {day} prochain."
        "|{name} a rencontré {day} des représentants de {org2_lc}."
        "|Plus de {num} personnes ont signé une pétition contre {thing}."
        "|Les travaux devraient durer {small} mois, selon les services techniques."
        "|À {place2}, un dossier semblable avait [divisé|agité] la commune en {year}."
        "|En {month}, [près de|plus de] {num} personnes avaient manifesté à {place} contre "
        "{thing}."
        "|{name} reproche à {org2_lc} [un manque de transparence|des retards répétés|une "
        "gestion opaque]."
        "|{org} avait sollicité dès {year} une subvention pour {thing}."
        "|Jusqu’à {num} {unit} pourraient être [concernés|gagnants], selon {org2_lc}."
        "|Un rapport d’experts recommande de [reporter|revoir|accélérer] {thing}."
        "|La séance du conseil à {place} a duré [plus de|près de] {small} heures."
    ),
    "quotes": split(
        "Nous n’accepterons pas {thing} en l’état"
        "|C’est une [bonne|mauvaise|triste|grande] journée pour {place}"
        "|Personne à {place} n’a demandé {thing}"
        "|Les habitants de {place} méritent [des réponses|une solution juste|de la clarté]"
        "|Cela fait {small} ans que nous attendons {thing}"
        "|Les chiffres parlent d’eux-mêmes"
        "|Nous avions prévenu que [cela arriverait|l’argent manquerait|les délais ne seraient "
        "pas tenus]"
        "|Sans {thing}, {place} n’a pas d’avenir"
    ),
    "continuations": split(
        "[et|mais] [nous le redirons en {month}|personne ne nous écoute|la préfecture le sait "
        "très bien]"
    ),
    "attributions": split(
        "{O}{Q}{C}, a déclaré {name}."
        "|{O}{Q}{C}, a affirmé {name}, {role}."
        "|{name} a déclaré\u00a0: {O}{Q}.{C}"
        "|{O}{Q}{C}, a précisé {last}, {O}{q2}.{C}"
        "|Selon {name}, le dossier avance. {O}{Q}{C}, a-t-{pron} ajouté."
        "|{O}{Q}{C}, confie un haut responsable du ministère, sous couvert d’anonymat."
        "|{name} a répondu aux journalistes. {O}{Q}{C}, a-t-{pron} insisté."
    ),
    "headlines": split(
        "{place}\u00a0: {org_lc} bloque {thing}"
        "|La polémique enfle autour de {thing} à {place}"
        "|{last} défend {thing}"
        "|{num} {unit} concernés par {thing} à {place}"
        "|{place} se prononce sur {thing}"
        "|Ce que {thing} va changer pour {place}"
    ),
    "captions": split("{name}, {day}, à {place}.|Vue de {place} en {month}."),
    "added": split(
        "Rectificatif\u00a0: une version précédente de cet article donnait un chiffre erroné "
        "pour les {unit} de {place}."
        "|{name} a par ailleurs annoncé que {thing} serait de nouveau débattu en {month}."
    ),
    "synonyms": (
        ("environ", "près de"),
        ("habitants", "riverains"),
        ("a déclaré", "a affirmé"),
        ("coût", "montant"),
        ("aujourd’hui", "actuellement"),
        ("décision", "mesure"),
        ("projet", "dossier"),
        ("pétition", "requête"),
    ),
}

LEXICONS: dict[str, dict] = {"en": EN, "de": DE, "es": ES, "fr": FR}

QUOTE_MARKS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("\u201c", "\u201d"), ('"', '"')),
    "de": (("\u201e", "\u201c"), ('"', '"'), ("\u00bb", "\u00ab")),
    "es": (("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ('"', '"')),
    "fr": (("\u00ab\u00a0", "\u00a0\u00bb"), ("\u00ab ", " \u00bb"), ("\u201c", "\u201d")),
}

# ---------------------------------------------------------------------------------------
# Outlets: wires are credited in datelines and "Source:" lines on other people's sites.
# ---------------------------------------------------------------------------------------
WIRES: dict[str, tuple[str, ...]] = {
    "en": split("Northgate Wire|Atlantic Press|Meridia News|Continental Newswire|Tidemark"),
    "de": split("Nordpresse Agentur|Mitteleuropäischer Nachrichtendienst"),
    "es": split("Agencia Iberomar|Servimedios del Sur"),
    "fr": split("Agence Littoral Presse|Dépêches de l’Ouest"),
}

EN_MONTH_ABBR = split("Jan.|Feb.|March|April|May|June|July|Aug.|Sept.|Oct.|Nov.|Dec.")
ES_MONTH_ABBR = split("ene.|feb.|mar.|abr.|may.|jun.|jul.|ago.|sep.|oct.|nov.|dic.")

# ---------------------------------------------------------------------------------------
# Host sites. UI strings are per site language; `{n}`, `{date}`, `{outlet}` are filled in.
# ---------------------------------------------------------------------------------------
HOST_UI: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "cookie": split(
            "We use cookies to give you the best experience on our site.|By continuing to "
            "browse you agree to our use of cookies. Find out more|This site uses cookies for "
            "analytics and personalised content."
        ),
        "cookie_buttons": split("Accept all|Manage preferences|OK|Reject optional cookies"),
        "date": split(
            "Published: {d} {Month} {Y}|{Weekday}, {Month} {d}, {Y}|{Weekday} {d} {Month} {Y} "
            "{H}.{M}|Posted {Month} {d}, {Y} at {H}:{M}|{dd}/{mm}/{Y}"
        ),
        "updated": split("Updated: {d} {Month} {Y}|Last updated {H}:{M}|Updated 2 hours ago"),
        "source": split("Source: {outlet}|From {outlet}|By {outlet}"),
        "byline": split("By {name}|{name}|By {name}, staff reporter"),
        "views": split("{n} views|Read {n} times|{n} reads"),
        "share": split(
            "Share|Share this article|Facebook  X  WhatsApp  Email|Print|Copy link|Save"
            "|Listen to this article"
        ),
        "photo": split("Photo: {credit}|Photograph: {credit}|Picture: {credit}|Image: {credit}"),
        "ad": split("Advertisement|Sponsored|ADVERTISEMENT|Story continues below"),
        "read_more": split("READ MORE: {h}|Related: {h}|Read more: {h}|ALSO READ: {h}"),
        "related": split("Related stories|More from this section|Most read|You may also like"),
        "tags": split("Tags: {tags}|Topics: {tags}"),
        "comments": split(
            "Comments ({n})|Join the conversation|Please log in to comment.|Comments are closed "
            "for this article.|Have your say"
        ),
        "captcha": split(
            "Type the characters you see in the image|I'm not a robot|Please verify you are "
            "human|Enter the code shown above"
        ),
        "newsletter": split(
            "Sign up to our morning newsletter|Get the day's headlines in your inbox|Enter "
            "your email|Subscribe|Sign up"
        ),
        "menu": split(
            "Home  News  Business  Sport  Opinion  Weather|News | World | Business | Culture "
            "| Sport|Menu|Search|Subscribe|Sign in"
        ),
        "sections": split("News|World|Business|Local|Environment|Politics|Culture|Science"),
        "copyright": split(
            "© {Y} {owner}. All rights reserved.|Copyright {Y} {owner}|© {owner} {Y}"
        ),
    },
    "de": {
        "cookie": split(
            "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.|Mit "
            "„Akzeptieren“ stimmen Sie der Verwendung von Cookies zu. Mehr erfahren"
        ),
        "cookie_buttons": split("Alle akzeptieren|Einstellungen|Nur notwendige|Ablehnen"),
        "date": split(
            "Veröffentlicht am {dd}.{mm}.{Y} um {H}:{M} Uhr|Stand: {dd}.{mm}.{Y}|{d}. {Month} "
            "{Y}, {H}:{M} Uhr|Erstellt: {dd}.{mm}.{Y}, {H}:{M} Uhr"
        ),
        "updated": split("Aktualisiert: {dd}.{mm}.{Y}, {H}:{M} Uhr|Aktualisiert vor 3 Stunden"),
        "source": split("Quelle: {outlet}|Von {outlet}"),
        "byline": split("Von {name}|{name}|Ein Beitrag von {name}"),
        "views": split("{n} Aufrufe|{n} Mal gelesen"),
        "share": split("Teilen|Drucken|Merken|Artikel teilen|Facebook  X  E-Mail|Vorlesen"),
        "photo": split("Foto: {credit}|Bild: {credit}"),
        "ad": split("Anzeige|ANZEIGE|Werbung"),
        "read_more": split("Lesen Sie auch: {h}|Mehr zum Thema: {h}|Auch interessant: {h}"),
        "related": split("Das könnte Sie auch interessieren|Mehr zum Thema|Meistgelesen"),
        "tags": split("Schlagwörter: {tags}|Themen: {tags}"),
        "comments": split(
            "Kommentare ({n})|Kommentar schreiben|Um zu kommentieren, melden Sie sich bitte "
            "an.|Schreiben Sie den ersten Kommentar"
        ),
        "captcha": split(
            "Bitte bestätigen Sie, dass Sie kein Roboter sind.|Bitte geben Sie den "
            "Sicherheitscode ein."
        ),
        "newsletter": split(
            "Newsletter: Die wichtigsten Nachrichten täglich um 7 Uhr|E-Mail-Adresse"
            "|Abonnieren|Jetzt kostenlos anmelden"
        ),
        "menu": split(
            "Startseite | Politik | Wirtschaft | Panorama | Sport|Startseite|Nachrichten"
            "|Region|Suche|Abo"
        ),
        "sections": split("Nachrichten|Region|Wirtschaft|Politik|Panorama|Kultur|Wissen"),
        "copyright": split("© {Y} {owner}|© {owner} {Y} · Impressum · Datenschutz"),
    },
    "es": {
        "cookie": split(
            "Utilizamos cookies propias y de terceros. Si continúa navegando, consideramos "
            "que acepta su uso.|Esta web utiliza cookies para mejorar la experiencia de "
            "navegación."
        ),
        "cookie_buttons": split("Aceptar|Configurar|Rechazar"),
        "date": split(
            "Fecha de publicación: {dd}/{mm}/{Y}|Publicado el {d} de {Month} de {Y}, {H}:{M}"
            "|{d} de {Month} de {Y}|{dd}/{mm}/{Y} - {H}:{M}"
        ),
        "updated": split("Actualizado: {dd}/{mm}/{Y} {H}:{M}|Actualizado hace 2 horas"),
        "source": split("Fuente: {outlet}|Agencia: {outlet}"),
        "byline": split("Por {name}|{name}|Redacción"),
        "views": split("{n} visitas|{n} lecturas"),
        "share": split("Compartir|Imprimir|Compartir en:|Facebook  Twitter  WhatsApp|Enviar"),
        "photo": split("Foto: {credit}|Imagen: {credit}"),
        "ad": split("Publicidad|PUBLICIDAD"),
        "read_more": split("Leer más: {h}|Te puede interesar: {h}|Lee también: {h}"),
        "related": split("Noticias relacionadas|Lo más leído|Te puede interesar"),
        "tags": split("Etiquetas: {tags}|Temas: {tags}"),
        "comments": split(
            "Comentarios ({n})|Añadir nuevo comentario|Deje su comentario|Para comentar debe "
            "estar registrado."
        ),
        "captcha": split(
            "Esta pregunta sirve para comprobar si usted es un visitante humano.|Introduzca "
            "los caracteres que aparecen en la imagen."
        ),
        "newsletter": split(
            "Recibe nuestro boletín|Suscríbete y recibe cada mañana las noticias|Correo "
            "electrónico|Suscribirme"
        ),
        "menu": split(
            "Inicio  Nacional  Internacional  Economía  Cultura  Deportes|Portada | Local | "
            "Provincia | Opinión|Buscar|Suscríbete"
        ),
        "sections": split("Local|Internacional|Economía|Sociedad|Cultura|Provincia"),
        "copyright": split("© {Y} {owner}. Todos los derechos reservados.|© {owner} {Y}"),
    },
    "fr": {
        "cookie": split(
            "Nous utilisons des cookies pour mesurer l’audience et personnaliser les "
            "contenus.|En poursuivant votre navigation, vous acceptez l’utilisation de cookies."
        ),
        "cookie_buttons": split("Tout accepter|Paramétrer|Continuer sans accepter"),
        "date": split(
            "Publié le {d} {Month} {Y} à {H}h{M}|Le {dd}/{mm}/{Y} à {H}:{M}|{Weekday} {d} "
            "{Month} {Y}"
        ),
        "updated": split("Mis à jour le {d} {Month} {Y} à {H}h{M}|Mis à jour il y a 2 heures"),
        "source": split("Source\u00a0: {outlet}|Avec {outlet}"),
        "byline": split("Par {name}|{name}|La rédaction"),
        "views": split("{n} vues|Lu {n} fois"),
        "share": split("Partager|Imprimer|Envoyer par e-mail|Facebook  X  LinkedIn|Enregistrer"),
        "photo": split("Photo\u00a0: {credit}|Crédit\u00a0: {credit}"),
        "ad": split("Publicité|PUBLICITÉ"),
        "read_more": split("À lire aussi\u00a0: {h}|Lire aussi\u00a0: {h}"),
        "related": split("À lire aussi|Sur le même sujet|Les plus lus"),
        "tags": split("Mots-clés\u00a0: {tags}|Thèmes\u00a0: {tags}"),
        "comments": split(
            "Commentaires ({n})|Réagir à cet article|Vous devez être connecté pour commenter."
        ),
        "captcha": split("Recopiez les caractères de l’image|Je ne suis pas un robot"),
        "newsletter": split("Recevez notre newsletter|Votre adresse e-mail|Je m’abonne|S’inscrire"),
        "menu": split(
            "Actualités | Région | Sports | Agenda | Annonces|Accueil|Rechercher|S’abonner"
            "|Se connecter"
        ),
        "sections": split("Actualités|Région|Économie|Société|Culture|Faits divers"),
        "copyright": split("© {owner} {Y}|© {Y} {owner} – Tous droits réservés"),
    },
    "ru": {
        "cookie": split(
            "Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с "
            "этим.|Сайт использует cookie для аналитики."
        ),
        "cookie_buttons": split("Понятно|Принять|Подробнее"),
        "date": split(
            "Опубликовано: {dd}.{mm}.{Y}|Опубликовано: {dd}.{mm}.{Y} {H}:{M}|{d} {Month} {Y}, "
            "{H}:{M}|Дата публикации: {dd}.{mm}.{Y}"
        ),
        "updated": split("Обновлено: {dd}.{mm}.{Y} {H}:{M}|Обновлено 2 часа назад"),
        "source": split("Источник: {outlet}|По материалам {outlet}"),
        "byline": split("Автор: {name}|{name}"),
        "views": split("{n} просмотров|Просмотров: {n}"),
        "share": split("Поделиться|ВКонтакте|Telegram|Печать|Одноклассники|Скопировать ссылку"),
        "photo": split("Фото: {credit}|Фото: {credit} / архив"),
        "ad": split("Реклама|РЕКЛАМА"),
        "read_more": split("Читайте также: {h}|По теме: {h}"),
        "related": split("Читайте также|Популярное|Новости по теме"),
        "tags": split("Теги: {tags}|Метки: {tags}"),
        "comments": split(
            "Комментарии ({n})|Оставить комментарий|Войдите, чтобы оставить комментарий"
        ),
        "captcha": split("Введите код с картинки|Я не робот"),
        "newsletter": split("Подпишитесь на рассылку|Ваш e-mail|Подписаться"),
        "menu": split("Главная|Новости|В мире|Экономика|Общество|Контакты|Поиск"),
        "sections": split("В мире|Новости|Экономика|Общество|Происшествия"),
        "copyright": split("© {Y} {owner}. Все права защищены.|© {owner}, {Y}"),
    },
    "it": {
        "cookie": split(
            "Questo sito utilizza cookie tecnici e di profilazione.|Continuando la "
            "navigazione acconsenti all’uso dei cookie."
        ),
        "cookie_buttons": split("Accetta|Rifiuta|Personalizza"),
        "date": split(
            "Pubblicato il {dd}/{mm}/{Y} alle {H}:{M}|{d} {Month} {Y}|Pubblicato: {dd}/{mm}/{Y}"
        ),
        "updated": split("Aggiornato il {dd}/{mm}/{Y} alle {H}:{M}|Aggiornato 2 ore fa"),
        "source": split("Fonte: {outlet}|Fonte: agenzia {outlet}"),
        "byline": split("di {name}|{name}|Redazione"),
        "views": split("{n} visualizzazioni|Letto {n} volte"),
        "share": split("Condividi|Stampa|Invia per email|Facebook  X  WhatsApp"),
        "photo": split("Foto: {credit}|Credit: {credit}"),
        "ad": split("Pubblicità|PUBBLICITÀ"),
        "read_more": split("Leggi anche: {h}|Potrebbe interessarti: {h}"),
        "related": split("Leggi anche|I più letti|Articoli correlati"),
        "tags": split("Tag: {tags}|Argomenti: {tags}"),
        "comments": split("Commenti ({n})|Lascia un commento|Accedi per commentare"),
        "captcha": split("Inserisci il codice di verifica|Non sono un robot"),
        "newsletter": split("Iscriviti alla newsletter|La tua email|Iscriviti"),
        "menu": split("Home | Cronaca | Politica | Economia | Sport|Cerca|Abbonati|Accedi"),
        "sections": split("Cronaca|Esteri|Economia|Politica|Cultura"),
        "copyright": split("© {Y} {owner} - Riproduzione riservata|© {owner} {Y}"),
    },
}

UI_MONTHS: dict[str, tuple[str, ...]] = {
    "en": EN["months"],
    "de": DE["months"],
    "es": ES["months"],
    "fr": FR["months"],
    "ru": split(
        "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    ),
    "it": split(
        "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre"
        "|dicembre"
    ),
}
UI_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": EN["days"],
    "de": DE["days"],
    "es": ES["days"],
    "fr": FR["days"],
    "ru": split("понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"),
    "it": split("lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"),
}

# Related-link headlines for sites whose UI language has no article grammar here.
UI_HEADLINES: dict[str, tuple[str, ...]] = {
    "ru": split(
        "В {place} открыли новый паром|Грузооборот портов вырос на {pct}%|В {place} "
        "обсудили ремонт дорог|Штормовое предупреждение объявлено на побережье"
    ),
    "it": split(
        "A {place} riapre il mercato coperto|Traghetti, nuovi orari da {Month}|Sciopero dei "
        "portuali a {place}|Maltempo sulla costa, scuole chiuse"
    ),
}

# name, slug, UI language, tagline, owner (copyright holder), own outlet language or None
HOSTS: tuple[tuple[str, str, str, str, str, str | None], ...] = (
    (
        "Harbourline Daily",
        "harbourline",
        "en",
        "News from the coast",
        "Harbourline Media Ltd",
        "en",
    ),
    ("The Fenmoor Courier", "fenmoorcourier", "en", "Since 1874", "Fenmoor Courier Ltd", "en"),
    ("Westvale Post", "westvalepost", "en", "Your region, every day", "Westvale Post", "en"),
    (
        "Newsroom Continental",
        "newsroomcontinental",
        "en",
        "Wire news around the clock",
        "NC Digital",
        None,
    ),
    (
        "Landblick Online",
        "landblick",
        "de",
        "Nachrichten aus der Region",
        "Landblick Verlag GmbH",
        "de",
    ),
    ("Talbote Digital", "talbote", "de", "Das Portal für das Obere Tal", "Talbote Medien", "de"),
    (
        "Weltspiegel24",
        "weltspiegel24",
        "de",
        "Nachrichten aus aller Welt",
        "Weltspiegel24 GmbH",
        None,
    ),
    (
        "Portal Ribera Norte",
        "riberanorte",
        "es",
        "Noticias de la comarca",
        "Ribera Norte Digital",
        "es",
    ),
    (
        "El Faro de Almenar",
        "farodealmenar",
        "es",
        "Diario independiente",
        "Editorial Almenar",
        "es",
    ),
    ("Mirador Global", "miradorglobal", "es", "Noticias del mundo", "Mirador Global SL", None),
    (
        "L’Écho des Vallons",
        "echodesvallons",
        "fr",
        "L’hebdo de la vallée",
        "Éditions des Vallons",
        "fr",
    ),
    (
        "Infos Haute-Lisière",
        "infoshautelisiere",
        "fr",
        "Toute l’actualité locale",
        "HL Médias",
        "fr",
    ),
    (
        "Вестник Побережья",
        "vestnikpoberezhya",
        "ru",
        "Новости портов и побережья",
        "Вестник Побережья",
        None,
    ),
    (
        "Il Corriere di Valmarina",
        "corrierevalmarina",
        "it",
        "Notizie dal territorio",
        "Edizioni Valmarina",
        None,
    ),
)

# ---------------------------------------------------------------------------------------
# Bulletins: one template per series, reissued weekly with new numbers and dates.
# ---------------------------------------------------------------------------------------
BULLETINS: dict[str, tuple[dict[str, object], ...]] = {
    "en": (
        {
            "title": "Fuel watch: petrol averages {a}.{b2} a litre in {place}",
            "paras": (
                "Petrol cost an average of {a}.{b2} {cur} a litre at filling stations in "
                "{place} on {weekday}, {updown} from {a0}.{b0} a week earlier, according to a "
                "survey of {k} stations by the {place} Motorists' Club.",
                "Diesel averaged {c}.{d2} a litre. The cheapest petrol was found on {street}, "
                "at {a}.{e2}.",
                '"{bq}" said {officer}, a spokesperson for the club.',
                "The next fuel price survey will be published on {next}.",
            ),
            "quotes": (
                "Prices usually rise before a holiday weekend, so fill up early if you can,",
                "Shopping around can save a family about {k}0 {cur} a month,",
                "We expect prices to stay at about this level for the next fortnight,",
            ),
        },
        {
            "title": "Harbour market: {species} fetches {a}.{b2} a kilo at {place} auction",
            "paras": (
                "{species} sold for an average of {a}.{b2} {cur} a kilo at the {place} fish "
                "auction this week, {updown} from {a0}.{b0} the week before.",
                "A total of {k}.{e2} tonnes was landed by {boats} boats, the harbour office said. "
                "Cod averaged {c}.{d2} {cur} a kilo and plaice {e}.{b0}.",
                '"{bq}" auction master {officer} said.',
                "Landings figures for next week will be published on {next}.",
            ),
            "quotes": (
                "Rough weather kept the smaller boats in port for two days,",
                "Buyers from the restaurants were back in force this week,",
                "It was a quiet week, with most of the fleet working further out,",
            ),
        },
        {
            "title": "Hospital waiting times: {k} patients wait longer than four hours at {place}",
            "paras": (
                "{k} patients waited more than four hours in the emergency department at "
                "{place} General Hospital in the week to {weekday}, {updown} from {k0} the "
                "previous week, figures published by the health board show.",
                "The average wait from arrival to treatment was {a} hours {m} minutes. A total "
                "of {boats}0 ambulances were recorded as waiting more than an hour to hand over "
                "patients.",
                '"{bq}" said {officer}, the hospital\'s director of operations.',
                "Next week's figures will be published on {next}.",
            ),
            "quotes": (
                "Staff have worked incredibly hard during a very busy week,",
                "We ask people to use the minor injuries unit for anything that is not urgent,",
                "Flu cases have started to rise and we are opening extra beds,",
            ),
        },
    ),
    "de": (
        {
            "title": "Spritpreise in {place}: Super kostet {a},{b2} Euro",
            "paras": (
                "Ein Liter Super kostete am {weekday} an den Tankstellen in {place} "
                "durchschnittlich {a},{b2} Euro. Das sind {cents} Cent {updown_de} als in der "
                "Vorwoche, wie eine Stichprobe des Automobilclubs an {k} Tankstellen ergab.",
                "Diesel kostete im Schnitt {c},{d2} Euro. Am günstigsten tankten Autofahrer an "
                "der {street}.",
                "„{bq}“, sagte {officer} vom Automobilclub.",
                "Der nächste Preisvergleich erscheint am {next}.",
            ),
            "quotes": (
                "Vor dem Wochenende steigen die Preise erfahrungsgemäß an",
                "Wer abends tankt, spart oft mehrere Cent pro Liter",
                "Wir rechnen in den nächsten Tagen mit stabilen Preisen",
            ),
        },
    ),
}

SPECIES = split("Hake|Monkfish|Turbot|Sole|Mackerel|Herring|Sea bass|Haddock")
STREETS: dict[str, tuple[str, ...]] = {
    "en": split("Mill Road|Quay Street|Station Avenue|the bypass|Harbour Lane|Kingsway"),
    "de": split("Bahnhofstraße|Hafenallee|Lindenweg|Umgehungsstraße|Mühlenstraße"),
}
