"""What start-up skips must change nothing: the trigger lexicon's cache, lazily compiled
patterns, the tokenizer kept from the language defaults, spaCy's command line left unimported."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from riftwatch.events import compiled_triggers, triggers
from riftwatch.lazyre import LazyPattern


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RIFTWATCH_CACHE", str(tmp_path))
    return tmp_path


def test_cached_triggers_are_the_parsed_triggers(cache: Path) -> None:
    parsed = triggers.shipped_triggers_parsed()
    first = compiled_triggers.shipped_triggers()  # parses and writes the cache
    assert compiled_triggers.cache_path().exists() and compiled_triggers.cache_path().parent == cache
    again = compiled_triggers.shipped_triggers()  # reads it
    assert first == parsed and again == parsed
    assert [t.origin for t in again] == [t.origin for t in parsed]  # not compared by ==, kept anyway
    assert any(t.object for t in again) and any(t.particle for t in again) and any(t.reverse for t in again)


def test_a_damaged_trigger_cache_is_parsed_again(cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    compiled_triggers.shipped_triggers()
    path = compiled_triggers.cache_path()
    path.write_bytes(b"\x00not marshal")
    assert compiled_triggers.shipped_triggers() == triggers.shipped_triggers_parsed()
    assert "unreadable" in caplog.text and path.read_bytes() != b"\x00not marshal"


def test_the_trigger_cache_name_follows_the_shipped_file(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = compiled_triggers.cache_path()
    monkeypatch.setattr(triggers, "SHIPPED", "data/ontology.json")
    assert compiled_triggers.cache_path() != before


def test_an_unwritable_trigger_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RIFTWATCH_CACHE", str(blocker / "sub"))
    assert compiled_triggers.shipped_triggers() == triggers.shipped_triggers_parsed()


def test_user_trigger_files_still_overlay_the_cached_lexicon(cache: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.jsonl"
    shipped = triggers.TriggerLexicon.load()
    bare = next(t for t in shipped if not t.object and t.particle is None and t.pos == "VERB")
    user.write_text(json.dumps({"lemma": bare.lemma, "pos": "VERB", "type": bare.type, "weight": 0}) + "\n")
    assert bare in shipped.candidates(bare.lemma, "VERB")
    assert bare not in triggers.TriggerLexicon.load([user]).candidates(bare.lemma, "VERB")


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_re() -> None:
    lazy = LazyPattern(r"\b(?P<n>\d+)\s+(?:killed|wounded)\b", re.IGNORECASE)
    assert lazy._compiled is None
    text = "3 killed, 12 Wounded and 4 killed"
    eager = re.compile(lazy.pattern, lazy.flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy._compiled is not None
    for method in ("search", "match", "fullmatch"):
        for args in ((text,), (text, 11), (text, 0, 9), ("3 killed",)):
            got, want = getattr(lazy, method)(*args), getattr(eager, method)(*args)
            assert (got and got.span()) == (want and want.span()), (method, args)


def test_the_kept_default_tokenizer_tokenizes_as_the_models_own(nlp) -> None:  # type: ignore[no-untyped-def]
    """``load_nlp`` keeps the tokenizer the language defaults built (``parse.keep_default_tokenizer``);
    every special case and every pool story must come out as the saved tokenizer makes them."""
    from spacy import attrs

    from riftwatch.parse import MODEL_PACKAGES, keep_ranks_whole, split_platform_x

    module = next(m for m in (_try_import(n) for n in MODEL_PACKAGES) if m is not None)
    reference = module.load(disable=list(nlp.pipe_names))  # the saved tokenizer, loaded as spaCy does
    # ours reads "X." as the platform and a full stop (``parse.split_platform_x``): so does the reference here
    assert [t.text for t in reference.make_doc("posted on X. The")] == ["posted", "on", "X.", "The"]
    assert [t.text for t in nlp.make_doc("posted on X. The")] == ["posted", "on", "X", ".", "The"]
    split_platform_x(reference)
    # ... and an abbreviated rank with its full stop as one word (``parse.keep_ranks_whole``)
    assert [t.text for t in nlp.make_doc("Sgt. Ali")] == ["Sgt.", "Ali"]
    keep_ranks_whole(reference)
    names = ["ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_PUNCT", "IS_SPACE",
             "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "IS_CURRENCY", "SPACY"]  # fmt: skip
    columns = [getattr(attrs, n) for n in names]
    texts = list(reference.tokenizer.rules)
    assert len(texts) > 1000
    texts += [f"{a} {b}." for a, b in itertools.pairwise(texts)]
    pool = SHARED / "corpus" / "voa" / "pool.jsonl"  # the pool's stories too, where it is present
    if pool.exists():
        texts += [json.loads(line)["text"] for line in pool.read_text("utf-8").splitlines() if line.strip()]
    for text in texts:
        ours, theirs = nlp.make_doc(text), reference.make_doc(text)
        assert [t.norm_ for t in ours] == [t.norm_ for t in theirs], text
        assert (ours.to_array(columns) == theirs.to_array(columns)).all(), text


def _try_import(name: str):  # type: ignore[no-untyped-def]
    try:
        return __import__(name)
    except ImportError:
        return None


def test_a_tokenizer_unlike_the_defaults_is_loaded_from_the_model(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from spacy.lang.en import English

    from riftwatch.parse import keep_default_tokenizer

    saved = English()
    saved.tokenizer.add_special_case("riftwatchy", [{"ORTH": "rift"}, {"ORTH": "watchy"}])
    saved.to_disk(tmp_path / "model")
    fresh = English()
    fresh.from_disk(tmp_path / "model", exclude=["tokenizer"])
    assert [t.text for t in fresh("a riftwatchy day")] == ["a", "riftwatchy", "day"]
    assert keep_default_tokenizer(fresh) is False
    assert [t.text for t in fresh("a riftwatchy day")] == ["a", "rift", "watchy", "day"]
    plain = English()
    English().to_disk(tmp_path / "plain")
    plain.from_disk(tmp_path / "plain", exclude=["tokenizer"])
    assert keep_default_tokenizer(plain) is True


_CLI_CHECK = """
import sys
import riftwatch, spacy
from riftwatch.parse import load_nlp
doc = load_nlp()("Kenya's president met Uganda's foreign minister in Nairobi on Monday.")
heavy = sorted(m for m in ("weasel", "jinja2", "requests", "spacy.cli.download", "spacy.cli._util") if m in sys.modules)
print(heavy)
print([t.dep_ for t in doc][:3])
from spacy.cli import download  # the real command line, on demand
import spacy.cli
print(callable(download), spacy.cli.download is download, "spacy_version" in spacy.info(silent=True))
"""


def test_spacys_command_line_is_imported_only_when_used() -> None:
    """In a fresh interpreter: riftwatch then spaCy leaves spaCy's CLI modules unimported and the
    model loads and parses; asking for spaCy's CLI then gives the real one."""
    out = subprocess.run([sys.executable, "-c", _CLI_CHECK], capture_output=True, text=True, timeout=300, check=False,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})  # fmt: skip
    assert out.returncode == 0, out.stderr
    heavy, deps, real = out.stdout.splitlines()
    assert heavy == "[]"
    assert deps.startswith("['")
    assert real == "True True True"


def test_the_entry_point_cache_answers_as_catalogues_table(nlp) -> None:  # type: ignore[no-untyped-def]
    import catalogue

    from riftwatch.parse import _SelectCache

    cached = catalogue.AVAILABLE_ENTRY_POINTS
    assert isinstance(cached, _SelectCache)  # load_nlp installed it
    table = cached._table
    groups = {ep.group for ep in table._all} if hasattr(table, "_all") else set()  # SelectableGroups
    groups |= {"spacy_factories", "spacy_architectures", "spacy_languages", "no such group"}
    for group in sorted(groups):
        assert list(cached.select(group=group)) == list(table.select(group=group))
        assert cached.select(group=group) is cached.select(group=group)  # asked once


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_one_blas_thread_unless_the_user_says_otherwise(given: str | None, expected: str) -> None:
    # OpenBLAS reads the setting once, when numpy loads; riftwatch sets it on import, before
    # anything of it imports numpy (spaCy's small products run slower on several threads)
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    code = "import sys, riftwatch, os; assert 'numpy' not in sys.modules; print(os.environ['OPENBLAS_NUM_THREADS'])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected
