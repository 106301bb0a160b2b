"""agreement-check: reads funding agreements and reports, clause by clause, where they fall
short of the Compact for Leeds and the Code of Practice for Working Together."""

__version__ = "0.1.0"
