"""The ``cv`` domain: every entry's record, per document, for exporters.

Records are gathered from the doctree after reading, dropped with their
document (``clear_doc``) and merged from parallel readers
(``merge_domaindata``), so ``-j N`` and incremental builds see the same data.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain

from .records import Record


class CVDomain(Domain):
    """Holds the records of all entries, the profile and the skill groups."""

    name = "cv"
    label = "Curriculum vitae"
    data_version = 2
    initial_data: ClassVar[dict[str, Any]] = {"records": {}}

    @property
    def records_by_doc(self) -> dict[str, list[Record]]:
        return self.data.setdefault("records", {})

    def clear_doc(self, docname: str) -> None:
        self.records_by_doc.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["records"]:
                self.records_by_doc[docname] = otherdata["records"][docname]

    def process_doc(self, env: Any, docname: str, document: nodes.document) -> None:
        # Every node a directive hung a record on: entries, the profile, skill groups.
        self.records_by_doc[docname] = [
            node["record"] for node in document.findall(nodes.Element) if "record" in node
        ]

    def records(self, entry_type: str | None = None) -> Iterator[Record]:
        """All records, by document name, then in the order of their document."""
        for docname in sorted(self.records_by_doc):
            for record in self.records_by_doc[docname]:
                if entry_type is None or record.entry_type == entry_type:
                    yield record

    def resolve_any_xref(self, *args: Any) -> list:
        return []
