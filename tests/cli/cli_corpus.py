"""A small corpus for the CLI tests: two articles of one story and one of another."""

from __future__ import annotations

from pathlib import Path

STORY_A = [
    (
        "Harbour crane collapses in Port Alder",
        "A container crane collapsed at the harbour of Port Alder on Monday, injuring two "
        "dock workers, the port authority said.\n"
        "The crane had been inspected in March, according to harbour master Lena Okafor.\n"
        '"We are investigating every possible cause," Okafor told reporters.\n',
    ),
    (
        "Two hurt as crane falls at Port Alder harbour",
        "Two dock workers were injured when a container crane collapsed at Port Alder "
        "harbour on Monday.\n"
        "Harbour master Lena Okafor said the crane had passed an inspection in March.\n"
        "Shipping was suspended for the rest of the day while engineers examined the site.\n",
    ),
]
STORY_B = (
    "Chess prodigy wins national title",
    "A fourteen-year-old chess player won the national championship in Brenmoor on Sunday, "
    "beating the defending champion in the final round.\n"
    "The tournament drew more than two hundred players from across the country.\n",
)


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    for n, (title, body) in enumerate([*STORY_A, STORY_B]):
        (folder / f"{n}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    return folder
