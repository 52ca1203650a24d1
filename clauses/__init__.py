"""clauses: review contracts for their confidentiality clauses."""

__version__ = "0.1.0"
