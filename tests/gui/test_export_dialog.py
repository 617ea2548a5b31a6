"""Export as CloudFormation: the folder is written on a worker and the dialog lists what was
written, with the S3 note for a template over the direct-upload limit; a folder that cannot be
written is one sentence."""

from __future__ import annotations

from aws.catalog import load_catalog
from gui.export_dialog import ExportDialog
from gui.workers import WorkerPool
from tests.aws.helpers import make_settings
from tests.gui.shots import save_shot


def _dialog(qtbot, settings, lang="en") -> ExportDialog:
    pool = WorkerPool()
    dialog = ExportDialog(settings, load_catalog(), pool, lang)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_writes_the_templates_and_lists_them(qtbot, tmp_path):
    every = tuple(g.id for g in load_catalog().groups)
    dialog = _dialog(qtbot, make_settings(watch=every))
    dialog.folder.setText(str(tmp_path / "cfn"))
    with qtbot.waitSignal(dialog.task.succeeded, timeout=10_000):
        dialog.export_button.click()
    shown = dialog.result.text()
    assert shown.startswith(f"Wrote 3 templates and DEPLOY.md to {tmp_path / 'cfn'}")
    for region in ("ap-northeast-1", "us-west-2", "us-east-1"):
        assert f"changewatch-test-{region}.json" in shown
        assert (tmp_path / "cfn" / f"changewatch-test-{region}.json").exists()
    assert "deploy it through S3" in shown  # every group in two languages is over 51,200 bytes
    assert dialog.export_button.isEnabled()
    save_shot(dialog, "export-dialog.png")


def test_an_unwritable_folder_is_one_sentence(qtbot, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    dialog = _dialog(qtbot, make_settings(), lang="ja")
    dialog.folder.setText(str(blocker))
    with qtbot.waitSignal(dialog.task.failed, timeout=10_000):
        dialog.export_button.click()
    assert dialog.result.text().startswith("テンプレートを書き出せませんでした")
