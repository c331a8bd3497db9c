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
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .nodes import cv_profile
from .records import Record

logger = logging.getLogger(__name__)


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

    def check_consistency(self) -> None:
        """A second ``profile`` is a warning that names the first; only the first is used."""
        from ..model import records  # the reading order is the model's

        profiles = records(self.env, "profile")
        for extra in profiles[1:]:
            first = f"{self.env.doc2path(profiles[0].docname)}:{profiles[0].lineno}"
            logger.warning(
                f"profile: the CV has a profile already, at {first}; only that one is "
                "used (on the site, in the PDF and in the exports): remove this one",
                location=(extra.docname, extra.lineno),
                type="cv",
                subtype="profile",
            )


class OneProfile(SphinxPostTransform):
    """Every output shows the CV's one profile (the first): a second one is dropped."""

    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        from ..model import profile

        first = profile(self.env)
        for node in list(self.document.findall(cv_profile)):
            if node["record"] != first:
                node.parent.remove(node)
