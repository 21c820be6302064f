"""Printed numbering: the style table, the one number normaliser, and the checks.

`styles` says how each numbering style is printed, what follows what, the element it
makes and how a reference names it; `checks` warns about printed numbering errors.
"""

from .checks import check_numbering
from .styles import (
    CONTAINER_WORDS,
    STYLES,
    ContainerWord,
    NumberStyle,
    clean_number,
    container_word,
    decimal_parts,
    follows,
    number_key,
    read_number,
)

__all__ = [
    "CONTAINER_WORDS",
    "STYLES",
    "ContainerWord",
    "NumberStyle",
    "check_numbering",
    "clean_number",
    "container_word",
    "decimal_parts",
    "follows",
    "number_key",
    "read_number",
]
