"""Short news pages written for the grouping tests: two languages, unrelated subjects.

Each subject shares names with a subject of the other language (Samsung, Iran, Berlin), the
case where texts of two languages used to be grouped on names alone. Subjects are keyed
"<language>-<subject>"; every page's paragraphs are its own wording of the subject's event.
"""

from __future__ import annotations

PAGES: dict[str, list[tuple[str, list[str]]]] = {
    "en-phone": [
        (
            "Samsung unveils the Galaxy Fold 9 in Seoul",
            [
                "Samsung unveiled its Galaxy Fold 9 folding phone in Seoul on Wednesday, with a "
                "thinner hinge and a brighter inner screen than last year's model.",
                "The phone goes on sale in Korea next month at a price close to its predecessor's, "
                "the company said at the launch event.",
                "Analysts said the thinner hinge answers the main complaint about folding phones.",
            ],
        ),
        (
            "Galaxy Fold 9: thinner hinge, brighter screen",
            [
                "The Galaxy Fold 9 that Samsung showed in Seoul has a hinge a third thinner than "
                "before, and its inner screen is brighter in sunlight.",
                "Samsung said the folding phone will reach Korean shops next month and Europe later.",
                "Reviewers at the Seoul launch praised the hinge but found the battery unchanged.",
            ],
        ),
        (
            "Samsung bets on folding phones with Fold 9 launch",
            [
                "Samsung is betting on folding phones again: the Galaxy Fold 9, launched in Seoul, "
                "keeps last year's price while slimming the hinge.",
                "Executives at the Seoul event said folding phone sales grew last year in Korea.",
                "The brighter inner screen and the thinner hinge are the main changes, they said.",
            ],
        ),
    ],
    "en-wildfire": [
        (
            "Wildfire forces evacuation of Ridgecrest valley towns",
            [
                "A wildfire driven by strong winds forced thousands to evacuate towns in the "
                "Ridgecrest valley on Monday, fire officials said.",
                "Firefighters with helicopters fought the blaze through the night as it spread "
                "across dry hillsides toward the valley farms.",
                "No deaths were reported, but dozens of homes and barns burned.",
            ],
        ),
        (
            "Ridgecrest blaze: thousands flee as winds spread fire",
            [
                "Thousands of residents fled the Ridgecrest valley as winds pushed the wildfire "
                "across dry hillsides and toward farms.",
                "Fire officials said helicopters and hundreds of firefighters worked overnight.",
                "Dozens of homes burned; evacuation shelters opened in nearby schools.",
            ],
        ),
        (
            "Firefighters battle wind-driven Ridgecrest wildfire",
            [
                "Firefighters battled the wind-driven wildfire in the Ridgecrest valley for a "
                "second day, as evacuation orders covered more towns.",
                "The blaze has burned dozens of homes and thousands of acres of dry hillsides.",
                "Officials expect the winds to ease on Wednesday, helping the helicopters.",
            ],
        ),
    ],
    "en-iran-chess": [
        (
            "Iranian teenager wins Berlin chess open",
            [
                "A sixteen-year-old grandmaster from Iran won the Berlin chess open on Sunday, "
                "beating the defending champion in the final round.",
                "The teenager finished the nine rounds unbeaten, with seven wins and two draws.",
                "Chess coaches in Berlin called it one of the strongest debuts at the open.",
            ],
        ),
        (
            "Berlin open: Iranian grandmaster, 16, takes title",
            [
                "The Berlin chess open ended with victory for a sixteen-year-old Iranian "
                "grandmaster, unbeaten in nine rounds.",
                "He beat the defending champion in a tense final round that lasted five hours.",
                "Organisers said the open drew a record field of grandmasters this year.",
            ],
        ),
        (
            "Teen chess prodigy from Iran wins in Berlin",
            [
                "A chess prodigy from Iran, sixteen years old, won the Berlin open after beating "
                "the defending champion in the last round.",
                "His seven wins and two draws make him the youngest winner of the open.",
                "The grandmaster said he would play the world junior championship next.",
            ],
        ),
    ],
    "en-rail": [
        (
            "Northline rail strike halts trains for second day",
            [
                "A strike by Northline rail drivers halted most trains for a second day on "
                "Tuesday, leaving commuters to crowd buses and roads.",
                "The drivers' union is demanding a pay rise above inflation and shorter shifts.",
                "Northline managers said talks with the union would resume on Thursday.",
            ],
        ),
        (
            "Commuters stranded as Northline drivers strike",
            [
                "Commuters were stranded again as Northline rail drivers kept up their strike "
                "over pay and shifts.",
                "Only a handful of trains ran; buses and roads into the city were packed.",
                "The union said drivers would strike until managers improve the pay offer.",
            ],
        ),
    ],
    "de-phone": [
        (
            "Samsung zeigt neues Klapphandy in Seoul",
            [
                "Samsung hat am Mittwoch in Seoul sein neues Klapphandy vorgestellt. Das Gelenk "
                "ist dünner und der innere Bildschirm heller als beim Vorgänger.",
                "Das Gerät kommt im nächsten Monat in Korea in den Handel, teilte der Konzern mit.",
                "Fachleute loben vor allem das schmalere Gelenk des faltbaren Telefons.",
            ],
        ),
        (
            "Faltbares Handy: Samsung setzt auf dünneres Gelenk",
            [
                "Mit einem dünneren Gelenk und einem helleren Bildschirm will Samsung sein "
                "faltbares Handy attraktiver machen.",
                "Der Preis bleibt nach Angaben des Herstellers auf dem Niveau des Vorjahres.",
                "In Europa soll das Klapphandy einige Wochen nach dem Start in Korea erscheinen.",
            ],
        ),
        (
            "Samsung stellt Klapphandy vor: heller und dünner",
            [
                "Das neue Klapphandy von Samsung ist dünner und hat einen helleren Bildschirm, "
                "wie der Konzern bei der Vorstellung in Seoul zeigte.",
                "Der Verkauf beginnt im nächsten Monat in Korea, später auch in Europa.",
                "Tester bemängeln, dass der Akku gegenüber dem Vorgänger nicht gewachsen ist.",
            ],
        ),
    ],
    "de-iran-trade": [
        (
            "Handel mit Iran bricht weiter ein",
            [
                "Der Handel deutscher Firmen mit dem Iran ist im ersten Halbjahr erneut stark "
                "gesunken, berichtet die Handelskammer in Berlin.",
                "Vor allem die Ausfuhren von Maschinen und Arzneimitteln gingen zurück.",
                "Die Kammer nennt die Sanktionen und fehlende Bankverbindungen als Gründe.",
            ],
        ),
        (
            "Deutsche Exporte in den Iran sinken",
            [
                "Die deutschen Exporte in den Iran sind im ersten Halbjahr deutlich gesunken, "
                "teilte die Handelskammer in Berlin mit.",
                "Maschinenbauer und Pharmafirmen verkauften weniger, Banken scheuen die Zahlungen.",
                "Die Sanktionen machen den Handel für viele Firmen zu riskant, heißt es.",
            ],
        ),
        (
            "Sanktionen bremsen Handel mit Iran",
            [
                "Die Sanktionen bremsen den Handel mit dem Iran: Im ersten Halbjahr sanken die "
                "Ausfuhren deutscher Firmen erneut.",
                "Die Handelskammer in Berlin verweist auf fehlende Bankverbindungen.",
                "Betroffen sind vor allem Maschinen und Arzneimittel.",
            ],
        ),
    ],
    "de-flood": [
        (
            "Hochwasser an der Elbe: Dresden sperrt Altstadt",
            [
                "Wegen des Hochwassers an der Elbe hat Dresden Teile der Altstadt gesperrt. Der "
                "Pegel stieg in der Nacht auf über sieben Meter.",
                "Helfer füllten Sandsäcke, die Feuerwehr pumpte Keller leer.",
                "Die Stadt rechnet erst am Wochenende mit sinkendem Wasserstand.",
            ],
        ),
        (
            "Elbe-Pegel steigt: Sandsäcke in Dresden",
            [
                "In Dresden füllen Helfer Sandsäcke, weil der Pegel der Elbe weiter steigt. Teile "
                "der Altstadt sind gesperrt.",
                "Die Feuerwehr ist seit der Nacht im Einsatz und pumpt überflutete Keller leer.",
                "Erst zum Wochenende soll das Hochwasser zurückgehen.",
            ],
        ),
        (
            "Dresden kämpft gegen Elbe-Hochwasser",
            [
                "Dresden kämpft gegen das Hochwasser der Elbe: Der Pegel liegt über sieben Meter, "
                "die Altstadt ist teilweise gesperrt.",
                "Feuerwehr und Helfer sichern Ufer mit Sandsäcken.",
                "Der Wasserstand soll zum Wochenende sinken, sagt die Stadt.",
            ],
        ),
    ],
    "de-satire": [
        (
            "Satire: Minister erfindet Woche mit acht Tagen",
            [
                "In einer Glosse erfindet der Minister eine Woche mit acht Tagen, damit die "
                "Behörden endlich ihre Akten abarbeiten können.",
                "Der achte Tag soll Aktentag heißen und nur für Formulare reserviert sein.",
                "Beamte begrüßen den Vorschlag, wollen aber am Aktentag frei haben.",
            ],
        ),
        (
            "Achter Wochentag: Behörden jubeln über Aktentag",
            [
                "Die Behörden jubeln in dieser Glosse über den achten Wochentag, den der Minister "
                "als Aktentag ausgerufen hat.",
                "Am Aktentag dürfen nur Formulare ausgefüllt und Akten gestempelt werden.",
                "Gewerkschaften fordern für den achten Tag einen Zuschlag.",
            ],
        ),
        (
            "Glosse: Der Aktentag kommt",
            [
                "Der Aktentag kommt, schreibt unsere Glosse: Ein achter Tag pro Woche soll nur den "
                "Akten und Formularen gehören.",
                "Der Minister verspricht, dass am Aktentag kein Bürger anrufen darf.",
                "Beamte planen schon, den Aktentag als Brückentag zu nutzen.",
            ],
        ),
    ],
}
