"""The pattern of an English council's name ("Ashby Fold Town Council", "London Borough
of Eastmere"), read by metadata.py, and the first look that each of its matches needs."""

from __future__ import annotations

import re

COUNCIL_NAME = re.compile(
    r"\b((?:[A-Z][\w'’]+(?:-(?:under|upon|on|in|le|by)-[A-Z][\w'’]+)?\s+){1,4}"
    r"(?:Metropolitan\s+Borough|Borough|County|District|City|Town|Parish|Community|"
    r"Combined\s+County|"
    r"Combined)\s+(?:Council|Authority))\b"
    r"|\b((?:(?:Borough|County|District|City|Town|Parish|Community)\s+Council|"
    r"(?:London|Royal)\s+Borough)\s+of\s+[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,2})"
)  # "London Borough of Eastmere", "Royal Borough of Ashford and Vale": the council's name


# What every COUNCIL_NAME match holds: a kind of council before 'Council' or 'Authority', or
# 'Borough of'. A first look scanned for in C: COUNCIL_NAME opens on '\b' and is tried at every
# character of every text that names a 'Council' (most only 'the Council').
COUNCIL_KIND = re.compile(
    r"(?:Borough|County|District|City|Town|Parish|Community|Combined)\s+(?:Council|Authority)"
    r"|Borough\s+of\s"
)
