"""Prefect flows that orchestrate newsflow's stages (the work itself lives in `tasks/`).

Importing this package changes nothing in the user's Prefect set-up: which API a run
reports to is decided per run in `flows/prefect_setup.py`.
"""
