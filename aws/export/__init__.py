"""Export: the exact setup apply would make, as CloudFormation templates (one per region).

`export` builds them from the same desired state apply uses (no AWS call) and writes each
template and a deploy guide (DEPLOY.md) into a folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aws.catalog import Catalog
from aws.errors import ChangeWatchError, ErrorKind
from aws.export.guide import GUIDE_NAME, guide, summary
from aws.export.templates import Template, templates
from aws.settings import Settings

__all__ = ["Exported", "Template", "export", "templates"]


@dataclass(frozen=True)
class Exported:
    folder: Path
    templates: tuple[Template, ...]
    guide: Path

    def summary(self, lang: str) -> list[str]:
        return summary(self.templates, str(self.folder), lang)


def export(settings: Settings, catalog: Catalog, folder: Path, lang: str = "en") -> Exported:
    """Write the templates and DEPLOY.md into `folder` (made if missing)."""
    found = templates(settings, catalog)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for template in found:
            (folder / template.file_name).write_text(template.text, encoding="utf-8")
        path = folder / GUIDE_NAME
        path.write_text(guide(found, settings.deployment, settings.email, lang),
                        encoding="utf-8")
    except OSError as exc:
        raise ChangeWatchError(kind=ErrorKind.EXPORT_FAILED,
                               detail=f"{folder}: {exc.strerror or exc}") from exc
    return Exported(folder, found, path)
