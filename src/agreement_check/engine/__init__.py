"""The engine: runs a pack's rules over one document and decides one finding per rule."""

from agreement_check.engine.run import check_document

__all__ = ["check_document"]
