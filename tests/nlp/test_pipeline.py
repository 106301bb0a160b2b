"""spaCy is imported without its command line, and nothing of spaCy is lost by it."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run_fresh(code: str) -> str:
    """Run `code` in a new interpreter (what a process imports is the point) and return its output."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_spacy_is_imported_without_its_command_line_and_still_tokenises() -> None:
    out = run_fresh(
        """
        import sys
        from agreement_check.nlp.pipeline import get_nlp, import_spacy
        import_spacy()
        print(sorted(m for m in ("weasel", "httpx", "spacy.cli", "spacy.cli.info") if m in sys.modules))
        print([t.norm_ for t in get_nlp()("The grants were paid")])
        """
    )
    assert out.splitlines() == ["[]", "['the', 'grant', 'were', 'pay']"]


def test_the_real_command_line_is_there_when_asked_for() -> None:
    out = run_fresh(
        """
        import sys
        from agreement_check.nlp.pipeline import import_spacy
        spacy = import_spacy()
        import spacy.cli
        print(spacy.cli.__file__ is not None, callable(spacy.cli.app))
        print("spacy_version" in spacy.info(silent=True))
        """
    )
    assert out.splitlines() == ["True True", "True"]


def test_matching_phrases_and_tokens_first_does_not_bring_in_the_command_line() -> None:
    """A check in this process (the web page, `isolate=False`, `rules test`) builds its
    phrase and token matchers before anything else asks for the pipeline."""
    out = run_fresh(
        """
        import sys
        from agreement_check.matchers.phrases import PhraseMatcher
        from agreement_check.matchers.tokens import TokenMatcher, validate_patterns
        PhraseMatcher(["notice"])._build()
        print(validate_patterns([[{"LEMMA": "terminate"}]]))
        print(sorted(m for m in ("weasel", "httpx", "spacy.cli") if m in sys.modules))
        """
    )
    assert out.splitlines() == ["[]", "[]"]
