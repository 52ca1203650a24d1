"""Every error clauses raises on purpose.

    ClausesError                      base; the CLI catches this and nothing else
    ├── InputError(path)              the input file cannot be analysed
    │   ├── UnsupportedFormatError    legacy .doc, .rtf, images, unknown bytes
    │   ├── EncryptedError            password-protected PDF or DOCX
    │   ├── ScannedError              PDF without a text layer (needs OCR)
    │   ├── CorruptError              truncated or damaged file
    │   ├── EmptyDocumentError        no text at all
    │   ├── TooLargeError             over the size limit
    │   ├── UnsafeInputError          zip bomb, external entities, other hostile content
    │   └── UnsupportedLanguageError  the text is not English
    ├── ConfigError                   bad profile or playbook
    └── ModelError                    model missing, tampered or incompatible

Library exceptions (pypdf, python-docx, lxml, zipfile) are translated into these
at one boundary, ``clauses.parse.parse``; anything else escaping is a defect.
"""

from __future__ import annotations


class ClausesError(Exception):
    """Base of every error clauses raises on purpose."""

    kind = "Error"

    def one_line(self) -> str:
        message = " ".join(str(self).split())
        return f"{self.kind}: {message}"


class InputError(ClausesError):
    """The input file cannot be analysed."""

    kind = "InputError"

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = str(path)

    def one_line(self) -> str:
        return f"{self.path}: {super().one_line()}"


class UnsupportedFormatError(InputError):
    """The format is not one clauses reads."""

    kind = "UnsupportedFormat"


class EncryptedError(InputError):
    """The file is password-protected."""

    kind = "Encrypted"


class ScannedError(InputError):
    """The PDF has no text layer."""

    kind = "Scanned"


class CorruptError(InputError):
    """The file is damaged or truncated."""

    kind = "Corrupt"


class EmptyDocumentError(InputError):
    """The document holds no text."""

    kind = "Empty"


class TooLargeError(InputError):
    """The file is over the size limit."""

    kind = "TooLarge"


class UnsafeInputError(InputError):
    """The file carries hostile content (zip bomb, external entities)."""

    kind = "Unsafe"


class UnsupportedLanguageError(InputError):
    """The text is not English, which the cues, model and templates need."""

    kind = "Language"


class ConfigError(ClausesError):
    """A profile or playbook is invalid."""

    kind = "ConfigError"


class ModelError(ClausesError):
    """The model is missing, tampered with or incompatible."""

    kind = "ModelError"
