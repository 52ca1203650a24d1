"""The redline reads its input package through the checked reader of clauses.parse.ooxml."""

from __future__ import annotations

from pathlib import Path

import hostile_files as hf
import pytest

from clauses.errors import UnsafeInputError
from clauses.report.redline.package import read_package


def test_redline_read_package_refuses_entities_in_any_part(tmp_path: Path) -> None:
    path = hf.make_docx_laughs(tmp_path, "word/styles.dat", "styles")
    with pytest.raises(UnsafeInputError, match="word/styles.dat declares XML entities"):
        read_package(path, path.read_bytes())


def test_redline_read_package_reads_every_entry(tmp_path: Path) -> None:
    path = hf.make_docx(tmp_path, "plain.docx", hf.paragraph("Text."))
    package = read_package(path, path.read_bytes())
    names = {i.filename for i in package.infos}
    assert names == set(package.parts) >= {"word/document.xml", "[Content_Types].xml"}
