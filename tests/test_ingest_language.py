"""Language check: English passes, whatever its names; foreign prose of some length is refused.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import shared_path
from riftwatch.ingest.language import MIN_CHARS, SAMPLE_CHARS, classify, detect_language

# Short English news sentences of many shapes: African, Asian and Latin American places, acronyms,
# numbers, quotes, headlines. Each must pass; several of them fooled the old stop-word guesser.
SHORT_ENGLISH = [
    "A car bomb exploded near a police station in Mogadishu.",
    "Rebels seized Goma on Sunday.",
    "ECOWAS suspends Burkina Faso after coup in Ouagadougou.",
    "UNAMID troops in El Fasher said 12 civilians were killed.",
    "Kinshasa accuses Kigali of backing M23 fighters in North Kivu.",
    "Al-Shabaab claims attack on AMISOM base near Baidoa.",
    "Police in Lagos arrested 43 protesters on Tuesday.",
    "Addis Ababa and Asmara reopen border at Zalambessa.",
    "The AU and IGAD sent envoys to Juba.",
    "Three killed as IED hits convoy outside Maiduguri, NE Nigeria.",
    "Hanoi protests Beijing's survey ship near the Paracels.",
    "Dhaka, Yangon agree on Rohingya returns to Rakhine.",
    "Islamabad summons Kabul's envoy over cross-border shelling in Kurram.",
    "Manila says China Coast Guard fired water cannon at Ayungin Shoal.",
    "Tokyo and Seoul hold 2+2 talks in Busan.",
    "DPRK fires two SRBMs into the East Sea, JCS says.",
    "Caracas expels Lima's ambassador.",
    "Bogotá and the ELN resume peace talks in Havana.",
    "Gunmen killed 14 in Guerrero, Mexico's Interior Ministry said.",
    "Quito declares state of emergency in Guayaquil.",
    "Lula meets Milei at Mercosur summit in Montevideo.",
    "São Paulo police clash with MST activists.",
    "Mali's junta expels MINUSMA; Bamako cites 'sovereignty'.",
    "\"We will not negotiate,\" Tshisekedi told reporters in Luanda.",
    "NATO, EU condemn strike on Kharkiv; 7 dead, 30 hurt.",
    "IDF says Hamas fired 120 rockets from Gaza overnight.",
    "Houthis target MV Tutor in Red Sea, CENTCOM says.",
    "Tehran, Riyadh restore ties in Beijing-brokered deal.",
    "Erdogan hosts Aliyev and Pashinyan in Ankara.",
    "Le Monde reported that Paris would recall its envoy from Niamey.",
    "Ministers from Germany, Spain and Italy met in Rome.",
    "Le ministre a parlé.",  # a foreign sentence, but too short to refuse
]


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_news_is_english(text: str) -> None:
    assert detect_language(text) == "en"


# Longer English: place and person names from many languages, a quoted foreign phrase.
LONG_ENGLISH = [
    (
        "Protesters chanted \"Liberté, égalité\" and \"A bas le gouvernement\" outside the embassy in "
        "Paris on Saturday, police said. Organisers put the crowd at 5,000; the prefecture said 1,200. "
        "Several people were detained near the Place de la République after clashes with officers."
    ),
    (
        "Fighting between the army and the RSF spread from Khartoum to Wad Madani and El Obeid this "
        "week, according to the UN's OCHA, which said at least 250,000 people had fled Gezira state. "
        "Aid agencies in Port Sudan said convoys to Darfur were blocked at Adré on the Chad border."
    ),
    (
        "Ouagadougou, Bamako and Niamey announced on Sunday that they would leave ECOWAS, accusing the "
        "bloc of imposing 'illegal, illegitimate, inhumane' sanctions. Abuja said it regretted the move "
        "and called for dialogue. The three juntas formed the Alliance of Sahel States (AES) last year."
    ),
    (
        "President Ferdinand Marcos Jr. met Vietnam's Prime Minister Pham Minh Chinh in Hanoi on "
        "Tuesday. The two leaders signed agreements on coast guard cooperation in the South China Sea "
        "and on rice trade, officials in Manila said, as Beijing warned against 'outside interference'."
    ),
    (
        "Gustavo Petro's government and the Estado Mayor Central, a FARC dissident faction, agreed in "
        "Tibú to extend a ceasefire in Cauca, Nariño and Valle del Cauca by three months. Human rights "
        "groups in Bogotá said killings of social leaders continued despite the truce."
    ),
]


@pytest.mark.parametrize("text", LONG_ENGLISH)
def test_long_english_with_foreign_names_is_english(text: str) -> None:
    assert len(text) >= MIN_CHARS
    assert detect_language(text) == "en"


# Foreign paragraphs long enough to judge: each must be refused with its own language.
FOREIGN = [
    (
        "fr",
        ("Le gouvernement malien a annoncé mardi la suspension de ses accords de défense avec la France. "
        "Selon le porte-parole de la junte, cette décision répond à des violations répétées de l'espace "
        "aérien du pays. Les diplomates européens présents à Bamako se disent inquiets pour la suite."),
    ),
    (
        "es",
        ("El presidente del Gobierno se reunió el lunes con los representantes de los sindicatos para "
        "discutir la reforma de las pensiones. Tras cinco horas de negociaciones, ambas partes dijeron "
        "que el diálogo seguirá la próxima semana, aunque todavía no hay un acuerdo sobre la edad."),
    ),
    (
        "de",
        ("Die Bundesregierung hat am Mittwoch neue Waffenlieferungen an die Ukraine beschlossen. Nach "
        "Angaben des Verteidigungsministeriums sollen die Systeme noch vor dem Winter geliefert werden. "
        "Die Opposition kritisierte, dass das Parlament nicht rechtzeitig informiert worden sei."),
    ),
    (
        "pt",
        ("O governo brasileiro anunciou nesta quinta-feira um novo plano para combater o desmatamento na "
        "Amazônia. Segundo o ministério, as operações de fiscalização serão ampliadas nos estados do Pará "
        "e de Rondônia, onde os alertas de queimadas aumentaram muito durante o último mês."),
    ),
    (
        "it",
        ("Il ministro degli Esteri ha incontrato ieri a Roma il suo omologo tunisino per parlare dei flussi "
        "migratori nel Mediterraneo. Secondo fonti della Farnesina, i due governi hanno concordato di "
        "rafforzare i controlli lungo le coste e di avviare nuovi progetti di cooperazione economica."),
    ),
    (
        "nl",
        ("De Nederlandse regering heeft dinsdag besloten om de ambassade in Khartoem tijdelijk te sluiten. "
        "Volgens de minister van Buitenlandse Zaken is de veiligheid van het personeel niet langer te "
        "garanderen, nu de gevechten in de hoofdstad de afgelopen dagen opnieuw zijn opgelaaid."),
    ),
]


@pytest.mark.parametrize(("language", "text"), FOREIGN)
def test_foreign_paragraphs_are_refused(language: str, text: str) -> None:
    assert len(text) >= MIN_CHARS
    assert detect_language(text) == language


@pytest.mark.parametrize(("language", "text"), FOREIGN)
def test_a_short_foreign_sentence_passes(language: str, text: str) -> None:
    """One short sentence is too little evidence to refuse, whatever the model thinks of it."""
    first = text.split(". ")[0][:MIN_CHARS - 1]
    assert classify(first)[0] == language  # the model does recognise it...
    assert detect_language(first) == "en"  # ...but the rule does not refuse on so little


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Министр во вторник заявил, что переговоры с профсоюзами возобновятся на следующей неделе.", "ru"),
        ("Міністр у вівторок заявив, що переговори з профспілками відновляться наступного тижня.", "uk"),
        ("قال الوزير يوم الثلاثاء إن المحادثات مع النقابات ستستأنف الأسبوع المقبل.", "ar"),
        ("部长周二表示，与工会的谈判将于下周恢复。", "zh"),
        ("大臣は火曜日、労働組合との協議を来週再開すると述べた。", "ja"),
        ("Talks in Moscow (Москва) resumed on Monday after a week of delays, officials said.", "en"),
    ],
)
def test_non_latin_scripts_are_told_by_script(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_only_the_start_of_a_long_text_is_classified() -> None:
    english = LONG_ENGLISH[1] + " "
    french = FOREIGN[0][1] + " "
    head = english * (SAMPLE_CHARS // len(english) + 1)
    assert detect_language(head + french * 200) == "en"
    assert detect_language(french * 20 + english * 200) == "fr"


def test_a_long_article_is_classified_quickly() -> None:
    detect_language(LONG_ENGLISH[0])  # the model loads once
    text = " ".join(LONG_ENGLISH) * 400  # about 400,000 characters
    start = time.perf_counter()
    for _ in range(20):
        assert detect_language(text) == "en"
    assert (time.perf_counter() - start) / 20 < 0.05


def test_every_voa_story_and_sentence_is_english() -> None:
    """The public-domain VOA pool: 65 English stories, and each of their sentences over 40 chars."""
    path = shared_path("corpus", "voa", "pool.jsonl")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(texts) == 65
    refused = [
        (language, piece[:80])
        for text in texts
        for piece in [text, *(s for s in text.split(". ") if len(s) > 40)]
        if (language := detect_language(piece)) != "en"
    ]
    assert refused == []


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RIFTWATCH_CACHE", str(tmp_path))
    return tmp_path


def test_the_cached_model_classifies_as_the_shipped_one(fresh_cache: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from riftwatch.ingest import model_cache

    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    written = model_cache.open_model()  # decompresses and writes the cache
    assert (model_cache.cache_folder() / "meta.json").exists()
    read = model_cache.open_model()  # maps it
    assert [type(x) for x in read] == [type(x) for x in written]
    ptc, pc, classes, nextmove, row, output = read
    cached = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    texts = [*SHORT_ENGLISH, *LONG_ENGLISH, *(t for _, t in FOREIGN)]
    assert [cached.classify(t) for t in texts] == [shipped.classify(t) for t in texts]


def test_a_damaged_model_cache_is_written_again(fresh_cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    from riftwatch.ingest import model_cache

    model_cache.open_model()
    folder = model_cache.cache_folder()
    (folder / "ptc.npy").write_bytes(b"damaged")
    assert model_cache.open_model()[0].shape[1] == len(model_cache.open_model()[2])
    assert "unreadable" in caplog.text and (folder / "meta.json").exists()
