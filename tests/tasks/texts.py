"""Invented article text shared by the stage tests."""

BODY_EN = (
    "The Easton Rowing Club won the regional eights title on Saturday, its first victory in "
    "the event since 2001, beating the favourites by half a length.\n"
    "Coach Petra Lindqvist said the crew had trained every morning since February and would "
    "now prepare for the national championships.\n"
)
