"""The flow layout wraps buttons instead of cutting them; fitted table columns show their words
and the wrapping column gives up width first."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QPushButton, QTableView, QWidget

from gui.column_fit import MIN_WRAP_WIDTH, fit_columns, needed_width
from gui.flow_layout import FlowLayout
from tests.gui.fit import clipped_texts


def test_buttons_wrap_onto_a_second_row_when_narrow(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    layout = FlowLayout(box)
    buttons = [QPushButton(text) for text in
               ("AWS Config の変更とルートサインインを監視", "Watch security group changes",
                "CIS monitoring", "Everything")]
    for button in buttons:
        layout.addWidget(button)
    one_row = layout.sizeHint().width()
    box.resize(one_row, layout.heightForWidth(one_row))
    box.show()
    qtbot.waitExposed(box)
    assert len({b.y() for b in buttons}) == 1 and not clipped_texts(box)
    narrow = one_row // 2
    box.resize(narrow, layout.heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) > 1)
    assert layout.heightForWidth(narrow) > layout.heightForWidth(one_row)
    assert not clipped_texts(box)


def test_columns_fit_their_words_and_the_wrapping_one_shrinks(qtbot):
    model = QStandardItemModel(1, 3)
    model.setHorizontalHeaderLabels(["Region", "Email subscription", "Problems"])
    words = ("ap-northeast-1", "Waiting for confirmation for 0 h (link valid 48 h)", "None")
    for column, text in enumerate(words):
        model.setItem(0, column, QStandardItem(text))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(900, 200)
    table.show()
    qtbot.waitExposed(table)
    fit_columns(table, wrap_columns=(1,))
    assert table.columnWidth(0) >= needed_width(table, 0)
    assert table.columnWidth(1) >= needed_width(table, 1)  # room: nothing wraps
    table.resize(needed_width(table, 0) + needed_width(table, 2) + MIN_WRAP_WIDTH + 40, 200)
    qtbot.wait(10)
    fit_columns(table, wrap_columns=(1,))
    assert table.columnWidth(1) < needed_width(table, 1)  # it gave up width …
    assert table.columnWidth(2) >= needed_width(table, 2)  # … so the last one is whole
    assert table.rowHeight(0) > table.fontMetrics().height() * 1.5  # and its text wraps
    assert not clipped_texts(table)
