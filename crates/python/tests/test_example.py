"""examples/flag_csv.py: a CSV of messages in, the flagged rows with their findings out."""

import csv
import json
import pathlib
import subprocess
import sys

SCRIPT = pathlib.Path(__file__).resolve().parents[3] / "examples" / "flag_csv.py"


def test_flag_csv_writes_flagged_rows_with_findings(tmp_path):
    source = tmp_path / "messages.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["1", "Thanks, the logo looks great!"])
        writer.writerow(["2", "😀 write me: alex at gmail dot com"])
        writer.writerow(["3", "Order 4415839271 ships Monday, total $1,234.56"])
        writer.writerow(["4", "call 07911 123456, or add me on whats app"])
        writer.writerow(["5", ""])
    output = tmp_path / "flagged.csv"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), str(output), "--region", "GB", "--batch", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 of 5 rows flagged" in done.stderr
    with output.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == ["2", "4"]
    assert rows[0]["kinds"] == "email"
    [email] = json.loads(rows[0]["findings"])
    assert email["value"] == "alex@gmail.com"
    assert rows[0]["text"][email["start"] : email["end"]] == "alex at gmail dot com"
    assert set(rows[1]["kinds"].split()) >= {"phone", "messenger"}


def test_flag_csv_names_a_missing_column(tmp_path):
    source = tmp_path / "messages.csv"
    source.write_text("id,body\n1,hello\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), "-", "--column", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "no column 'text'" in done.stderr
