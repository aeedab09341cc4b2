"""report.py: HTML / Markdown / CSV reports, terminal tables, the compare CLI pieces, and the
HTML report opened in a real headless browser."""
import argparse
import base64
import csv
import pathlib
import re
import shutil
import subprocess
import unicodedata

import pandas as pd
import pytest

from test_compare import sample_records
from unionnlp import display, report

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if pathlib.Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="module")
def records():
    return sample_records()


def test_html_report_is_self_contained(records, tmp_path):
    out = report.write_report(records, tmp_path / "r.html", campaign="三培养工程", metric="入会率")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<table") >= 6
    imgs = re.findall(r'<img[^>]+src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert len(imgs) == 2
    assert all(base64.b64decode(i)[:4] == b"\x89PNG" for i in imgs)
    assert not re.search(r'(src|href)="(https?:|file:|/)', html)  # nothing external
    assert "95.5 / 96 ⚠" in html  # the conflict is shown, not merged
    assert "Concordance: 三培养工程" in html


def test_markdown_and_csv(records, tmp_path):
    md = report.write_report(records, tmp_path / "r.md", by="year").read_text(encoding="utf-8")
    assert "| year | 三培养工程 | 双推 | 送温暖 |" in md
    assert "| 2020 | 江苏省泰州市、江苏省 |" in md
    assert "](data:image/png;base64," in md
    path = report.write_report(records, tmp_path / "r.csv", metric="入会率")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    yz = [r for r in rows if r["place_code"] == "321000" and r["year"] == "2020"]
    assert sorted(r["value"] for r in yz) == ["95.5", "96.0"]
    assert {r["conflict"] for r in yz} == {"True"}
    path = report.write_report(records, tmp_path / "a.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0]["campaign"] == "三培养工程" and rows[0]["article_ids"] == "a01"
    with pytest.raises(ValueError):
        report.write_report(records, tmp_path / "r.pdf")


def _width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def test_terminal_text_fits_width(records):
    secs = report.build_sections(records, plots=False)
    text = report.render_text(secs, width=90)
    assert "Campaign adoption" in text and "江苏省扬州市江都区" in text
    table_lines = [ln for ln in text.splitlines() if not ln.startswith(("higher_first", "Reported", "A campaign"))]
    assert max(_width(ln) for ln in table_lines) <= 90


def test_cli_pieces(records, tmp_path, capsys):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(r.to_json() for r in records) + "\n", encoding="utf-8")
    p = argparse.ArgumentParser()
    from unionnlp.cli import compare as compare_cli

    compare_cli.add_arguments(p)
    assert compare_cli.run(p.parse_args([str(path), "--by", "year", "--metric", "入会率"])) == 0
    out = capsys.readouterr().out
    assert "Statistics panel: 职工入会率" in out and "95.5 / 96 ⚠" in out
    html = tmp_path / "o" / "r.html"
    assert compare_cli.run(p.parse_args([str(path), "--out", str(html)])) == 0
    assert html.exists()
    assert compare_cli.run(p.parse_args([str(tmp_path / "missing.jsonl")])) == 2
    assert compare_cli.run(p.parse_args([str(path), "--out", str(tmp_path / "r.pdf")])) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source": "x"}\nnot json\n', encoding="utf-8")
    assert compare_cli.run(p.parse_args([str(bad)])) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err


def test_empty_source_report(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text("", encoding="utf-8")
    html = report.write_report(str(path), tmp_path / "e.html").read_text(encoding="utf-8")
    assert "(nothing to show)" in html
    assert "(nothing to show)" in report.render_text(report.build_sections([], plots=False), 80)


def test_display_spans(records):
    r = records[0]
    spans = display.record_spans(r)
    # the hand-made places carry no offsets, so they are not highlighted
    assert {s["label"] for s in spans} == {"CAMPAIGN", "ORG", "STAT"}
    assert all(r.text[s["start"]:s["end"]] == s["text"] for s in spans)
    span_html = display.render(r, "span")
    assert "CAMPAIGN" in span_html and "三培养工程" in span_html
    ent_html = display.render(r.to_dict(), "ent", page=True)
    assert ent_html.startswith("<!DOCTYPE html>") and "ORG" in ent_html
    with pytest.raises(ValueError):
        display.render(r, "dep")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                    "(apt-get install -y chromium fonts-wqy-microhei)")
def test_html_report_in_headless_chromium(records, tmp_path):
    out = report.write_report(records, tmp_path / "report.html", campaign="三培养工程")
    # a probe copy: after load, write each image's decoded width and the table count into the DOM
    probe = tmp_path / "probe.html"
    probe.write_text(out.read_text(encoding="utf-8").replace(
        "</body>",
        "<script>window.addEventListener('load',function(){var d=document.createElement('pre');"
        "d.id='probe';d.textContent='imgs='+Array.from(document.images).map(function(i){"
        "return i.naturalWidth}).join(',')+';tables='+document.querySelectorAll('table').length;"
        "document.body.appendChild(d)});</script></body>"), encoding="utf-8")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(flags + ["--virtual-time-budget=3000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    m = re.search(r"imgs=([\d,]*);tables=(\d+)", dom)
    assert m, dom[-2000:]
    widths = [int(w) for w in m.group(1).split(",") if w]
    assert len(widths) == 2 and all(w > 0 for w in widths)
    assert int(m.group(2)) >= 6
    assert "江苏省扬州市江都区" in dom
    png = tmp_path / "shot.png"
    subprocess.run(flags + [f"--screenshot={png}", "--window-size=1200,2000", out.as_uri()],
                   capture_output=True, timeout=120)
    assert png.exists() and png.read_bytes()[:4] == b"\x89PNG" and png.stat().st_size > 20000


def test_report_is_readable_and_csv_keeps_every_table(records, tmp_path):
    """Place names never squeezed (nowrap, campaign headers upright in wide tables), one row
    per organization in 'who runs what', and every table of the report in the CSV output."""
    import zipfile

    html = report.write_report(records, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "white-space:nowrap" in html and 'class="dataframe wide"' not in html.split("Diffusion")[1].split("</table>")[0]
    secs = {s["title"]: s["table"] for s in report.build_sections(records, plots=False)}
    who = next(t for k, t in secs.items() if k.startswith("Who runs what"))
    assert who["organization"].is_unique
    assert list(who["places"]) == sorted(who["places"], reverse=True)
    out = report.write_report(records, tmp_path / "c" / "r.csv")
    written = sorted(p.name for p in out.parent.iterdir())
    assert "r.csv" in written and "r-campaign-adoption.csv" in written and "r-coverage.csv" in written
    assert len(written) == 1 + sum(1 for t in secs.values() if isinstance(t, pd.DataFrame) and not t.empty)
    z = report.write_report(records, tmp_path / "r.zip")
    with zipfile.ZipFile(z) as f:
        names = set(f.namelist())
        assert {"index.csv", "main.csv", "campaign-adoption.csv"} <= names
        assert "a01" in f.read("main.csv").decode("utf-8")  # article ids kept whole
