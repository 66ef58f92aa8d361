"""First names that say a person's gender, for "he"/"she" resolution.

Only common given names that English-language news uses for one gender far more than the
other; names given to both (Alex, Jordan, Taylor, Sam, Kelly, Robin, Dana, Jamie ...) are left
out, so an unknown or shared name never blocks a pronoun.
"""

from __future__ import annotations

from newsbrief.annotate.lexicon import words

FEMALE = words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela
    emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
    heather diane ruth julie olivia joyce virginia victoria  lauren christina joan
    evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
    madison frances kathryn janice abigail alice judy sophia grace denise amber doris
    marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla
    alexis lori monica hillary melania ivanka nikki kirsten elizabeth nancy michelle oprah
     beyonce rihanna madonna adele serena venus angela theresa ursula jacinda
    kamala susan claire sophie chloe lucy ella mia ava isabel gabrielle  kate katie
    caitlin erin molly fiona sinead siobhan aisha fatima leila yasmin priya meera anjali
    svetlana olga natasha tatiana irina elena ana carmen lucia rosa sofia valentina camila
    jennifer wendy tina tanya sheila gwen gwyneth meryl julia nicola nadine jane joanna
    jenny penny holly hazel harriet rose lily daisy ruby  kathy cathy sue betsy
    melinda gina regina yvonne yolanda veronica vanessa tiffany crystal brooke whitney
    paula peggy rita norma lois louise marion mildred edith ethel agnes irene florence
    """
)
MALE = words(
    """
    james robert john michael david william richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger  gerald harold sean austin carl arthur lawrence dylan jesse
    bryan joe  billy bruce albert willie gabriel logan alan juan wayne roy
    ralph randy eugene vincent russell elijah louis bobby philip johnny barack donald mitt
    bernie vladimir emmanuel boris angelo mike bill tom jim bob dave steve matt jeff tony
    ben nick greg tim ted fred ed rick dick ron don ken doug brad chad  kurt
    hans klaus jurgen pierre jean-claude jacques francois giuseppe giovanni marco luca
    carlos miguel luis jorge pedro diego alejandro javier manuel rafael fernando ricardo
    ahmed mohammed muhammad mohamed hassan hussein omar khalid abdullah ibrahim yusuf
    rajesh rahul amit vijay sanjay arjun ivan sergei dmitry alexei nikolai viktor igor
    oleg mikhail yuri andrei liam oliver harry charlie jake connor callum declan owen
    rhys gareth neil ian colin graham nigel trevor clive derek barry leonard stanley
    howard harvey marvin melvin herbert franklin theodore calvin dwight lyndon woodrow
    """
)
# the two lists must not share a name: a name in both would say nothing
assert not FEMALE & MALE, sorted(FEMALE & MALE)


def gender_of(name: str) -> str | None:
    """ "f" or "m" when the first word of ``name`` is a given name of one gender, else None."""
    first = name.split()[0].lower().strip(".,'’") if name.split() else ""
    if first in FEMALE:
        return "f"
    if first in MALE:
        return "m"
    return None
