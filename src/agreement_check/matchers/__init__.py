"""Matchers: one module per kind, behind one interface (`Matcher.hits(unit, ctx)`),
registered by name in `REGISTRY`. Rule files name the kind; the loader builds it."""
