from __future__ import annotations

from newsbrief.analyze.entities import merge_entities
from newsbrief.analyze.names import compatible, name_parts, role_after, role_before
from newsbrief.analyze.quotes import story_quotes


def test_name_parts_drop_titles_and_particles() -> None:
    assert name_parts("Mr Varga")[1] == ("varga",)
    assert name_parts("Ambassador Varga")[1] == ("varga",)
    assert name_parts("al-Masri")[1] == name_parts("Al-Masri")[1] == ("masri",)
    assert name_parts("Masri's")[1] == ("masri",)


def test_compatible_keeps_namesakes_apart() -> None:
    full = ("tomas", "ilian", "berg", "varga")
    assert compatible(("tomas", "ilian"), full)
    assert compatible(("varga",), full)
    assert not compatible(("berg",), full)  # a middle name alone is not enough
    assert not compatible(("jane", "smith"), ("john", "smith"))


def test_one_entity_per_person_across_variants(make_article) -> None:
    a = make_article(
        "a",
        "The envoy Tomas Ilian Berg Varga spoke on Monday. Later Mr Varga said more. "
        "Ambassador Varga left.",
        mentions=[("Tomas Ilian Berg Varga", "person"), ("Varga", "person")],
    )
    b = make_article(
        "b",
        "Tomas Ilian briefed reporters about the war. Rana Al-Masri and Masri differ in spelling "
        "only. Then al-Masri spoke.",
        mentions=[
            ("Tomas Ilian", "person"),
            ("Rana Al-Masri", "person"),
            ("Masri", "person"),
            ("al-Masri", "person"),
        ],
    )
    index = merge_entities([a, b])
    people = {e.name: e for e in index.entities if e.kind == "person"}
    assert set(people) == {"Tomas Ilian Berg Varga", "Rana Al-Masri"}
    karim = people["Tomas Ilian Berg Varga"]
    assert {"Tomas Ilian", "Mr Varga", "Ambassador Varga"} <= set(karim.aliases)
    assert karim.articles == ["a", "b"]
    assert index.entity_id("Mr Varga", "b") == karim.id


def test_namesakes_with_different_first_names_stay_apart(make_article) -> None:
    a = make_article(
        "a",
        "Minister John Smith resigned on Friday. Smith said he was tired.",
        mentions=[("John Smith", "person"), ("Smith", "person")],
    )
    b = make_article(
        "b",
        "Coach Jane Smith won the final. Smith thanked the fans.",
        mentions=[("Jane Smith", "person"), ("Smith", "person")],
    )
    index = merge_entities([a, b])
    names = sorted(e.name for e in index.entities if e.kind == "person")
    assert names == ["Jane Smith", "John Smith"]
    # the bare surname goes to the namesake of the same article
    assert index.entity(index.entity_id("Smith", "a") or "").name == "John Smith"
    assert index.entity(index.entity_id("Smith", "b") or "").name == "Jane Smith"


def test_roles_from_titles_and_appositions() -> None:
    text = "Ambassador of Iraq Ali Varga spoke."
    assert role_before(text, text.index("Ali")) == "Ambassador of Iraq"
    text = "KUWAIT: Iraqi Ambassador to Kuwait Alaa Masri said so."
    assert role_before(text, text.index("Alaa")) == "Iraqi Ambassador to Kuwait"
    text = "Later, John Smith, spokesman for the ministry, said no."
    assert role_after(text, text.index(",", 8)) == "spokesman for the ministry"
    assert role_before("He met Ali Varga.", 7) is None
    text = "According to Fire Commander Ana Roth, crews arrived within minutes."
    assert role_before(text, text.index("Ana")) == "Fire Commander"


def test_roles_are_gathered_on_the_entity(make_article) -> None:
    a = make_article(
        "a",
        "Norway helped, Ambassador of Iraq Ali Varga told reporters. Ali Varga, envoy to "
        "Norway, said more.",
        mentions=[("Ali Varga", "person")],
    )
    (ent,) = merge_entities([a]).entities
    assert ent.roles[0] == "Ambassador of Iraq"
    assert "envoy to Norway" in ent.roles


def test_quotes_resolve_to_story_entities_and_unknown_speakers_are_counted(make_article) -> None:
    a = make_article(
        "a",
        "Ambassador of Iraq Tomas Ilian Varga spoke. We face the same storm, Mr Varga said. "
        "It will rain, somebody said. The plan works, the diplomat said.",
        mentions=[("Tomas Ilian Varga", "person"), ("Varga", "person")],
        quotes=[
            ("We face the same storm", "Mr Varga"),
            ("It will rain", None),
            ("The plan works", None),
        ],
    )
    a.quotes[2].speaker_text = "the diplomat"
    index = merge_entities([a])
    quotes, unresolved = story_quotes([a], index)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tomas Ilian Varga", "We face the same storm"),
        ("Tomas Ilian Varga", "The plan works"),  # "the diplomat" = the one ambassador here
    ]
    assert quotes[0].entity == index.entity_id("Varga")
    assert unresolved == 1


def test_capitalised_function_word_is_not_a_person(make_article) -> None:
    a = make_article(
        "a",
        "After Mosul, Ambassador Varga said, Iraq would push on.",
        mentions=[("After Mosul", "person"), ("Varga", "person")],
        quotes=[("Iraq would push on", "After Mosul")],
    )
    index = merge_entities([a])
    assert [e.name for e in index.entities] == ["Varga"]
    quotes, unresolved = story_quotes([a], index)
    assert [q.speaker for q in quotes] == ["Varga"] and unresolved == 0


def test_roles_come_from_originals_not_from_a_rewrite_that_garbles_them():
    from newsbrief.analyze.entities import merge_entities
    from newsbrief.annotate import annotate
    from newsbrief.records import Article

    original = annotate(
        Article(
            id="o",
            source="o",
            title="T",
            text=(
                "Ambassador of Iraq Tomas Ilian Varga told reporters in Oslo that the city was free."
            ),
        )
    )
    rewrite = annotate(
        Article(
            id="r",
            source="r",
            title="T",
            text=("Tomas Ilian Varga, Ambassador of Iran, told reporters that the city was free."),
        )
    )
    index = merge_entities([original, rewrite], derived={"r"})
    (karim,) = [e for e in index.entities if e.name.endswith("Varga")]
    assert karim.roles == ["Ambassador of Iraq"]


def test_sentence_openers_and_bare_titles_are_not_people():
    from newsbrief.analyze.entities import merge_entities
    from newsbrief.records import Article, Quote

    art = Article(id="a", source="a", title="T", text="x")
    art.quotes = [
        Quote("the numbers were small", "reported", 0, 0, 1, "Answering", "Answering", "said"),
        Quote("the town was safe", "reported", 0, 0, 1, "Ambassador of Iran", None, "says"),
        Quote("we will rebuild", "direct", 0, 0, 1, "Dana Whitlow", "Dana Whitlow", "said"),
    ]
    names = [e.name for e in merge_entities([art]).entities]
    assert names == ["Dana Whitlow"]


def test_short_forms_of_an_organisation_join_its_full_name(make_article) -> None:
    a = make_article(
        "a",
        "Brenmoor Royal Infirmary said two patients were stable. The Brenmoor Town Council met.",
        mentions=[("Brenmoor Royal Infirmary", "org"), ("Brenmoor Town Council", "org")],
    )
    b = make_article(
        "b",
        "Brenmoor Royal said one patient went home. The Council said it would review the site.",
        mentions=[("Brenmoor Royal", "org"), ("Council", "org")],
    )
    index = merge_entities([a, b])
    orgs = {e.name: set(e.aliases) for e in index.entities if e.kind == "org"}
    assert set(orgs) == {"Brenmoor Royal Infirmary", "Brenmoor Town Council"}
    assert "Council" in orgs["Brenmoor Town Council"]


def test_a_generic_head_with_two_candidates_stays_apart(make_article) -> None:
    a = make_article(
        "a",
        "Brenmoor Town Council and Ashby District Council disagree. The Council said no.",
        mentions=[
            ("Brenmoor Town Council", "org"),
            ("Ashby District Council", "org"),
            ("Council", "org"),
        ],
    )
    names = {e.name for e in merge_entities([a]).entities if e.kind == "org"}
    assert "Council" in names


def test_a_name_ending_in_a_title_is_the_organisation_it_shortens(make_article) -> None:
    a = make_article(
        "a",
        "Staff at Brenmoor General Hospital were praised. Brenmoor General said all were home.",
        mentions=[("Brenmoor General Hospital", "org"), ("Brenmoor General", "person")],
    )
    ents = merge_entities([a]).entities
    assert [e.name for e in ents if e.kind == "person"] == []
    assert [e.name for e in ents if e.kind == "org"] == ["Brenmoor General Hospital"]


def test_a_proxy_noun_is_not_given_to_a_principal_with_that_word_in_a_title(make_article) -> None:
    a = make_article(
        "a",
        "Former U.S. Attorney Lionel Marsh testified on Monday. It was bad judgment, the "
        "attorney said.",
        mentions=[("Lionel Marsh", "person")],
        quotes=[("It was bad judgment", None)],
    )
    a.quotes[0].speaker_text = "the attorney"
    index = merge_entities([a])
    quotes, unresolved = story_quotes([a], index)
    assert quotes == [] and unresolved == 1


def test_a_middle_initial_keeps_its_period_in_the_display_name() -> None:
    from newsbrief.analyze.names import name_parts

    assert name_parts("Robert J. Birgeneau") == (
        ["Robert", "J.", "Birgeneau"],
        ("robert", "j", "birgeneau"),
    )
    # the key is the same with or without the period, so the two forms still merge
    assert name_parts("Robert J Birgeneau")[1] == name_parts("Robert J. Birgeneau")[1]
