"""Score extraction against a gold folder (format: ``../shared/devset/README.md``).

Per document, ``NNN.json`` holds the gold and ``NNN.txt`` (or the file named by ``text_file``)
the raw text. The raw text is run through the whole flow (:func:`unionnlp.extract`), then:

- campaigns, organizations: micro P/R/F1 over de-duplicated names per document, after NFKC,
  trad→simp and stripping quotes, brackets and spaces; *strict* = exact match, *lenient* = one
  contains the other and the shorter is at least 60% of the longer. Organizations compare
  ``canonical`` (falling back to ``name``).
- statistics: a prediction matches a gold item when values are equal (relative tolerance 1e-6)
  and units agree (名 and 位 count as 人); one-to-one, micro P/R/F1. Of the matched pairs, the
  share whose metric agrees (strict: equal after normalisation; lenient: as for names).
  Kind, year and qualifier agreement are reported the same way. Metric agreement is reported
  strict (equal after normalisation) and lenient (:func:`metric_agrees`: one contains the
  other, or character-bigram Dice ≥ 0.5), since gold metrics are free descriptions.
  *Usable* is the share of gold figures whose match is right in every respect a panel needs:
  value and unit (the match), metric (lenient), kind, year and qualifier.
- place: the document's main place is right when the gold name equals the predicted
  division's name (or its full chain ends with it); lenient when one contains the other.
- events (``EVENTS.md``): a predicted event matches a gold one on (action, campaign), the
  campaign compared by any name the record gives that campaign (its canonical and the written
  forms of its mentions); *strict* also needs the same actor (by any name of that
  organization). On matched pairs: agreement of year, place and source_place.

``only`` / ``exclude`` restrict a run to some documents, named ``<folder>/<id>`` as in
``corpora/split/aside.txt`` (the held-out part of the development sets).
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

__all__ = ["evaluate", "load_gold", "normalise_name", "format_report", "Scores", "read_split"]

_STRIP_RE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】<>]")
_UNIT_ALIASES = {"名": "人", "位": "人"}


def normalise_name(s: Optional[str]) -> str:
    """NFKC, traditional → simplified, quotes/brackets/spaces removed."""
    if not s:
        return ""
    from .preprocessing.script import to_simplified

    s = unicodedata.normalize("NFKC", s)
    s = to_simplified(s)
    return _STRIP_RE.sub("", s)


def lenient_match(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return short in long_ and len(short) >= 0.6 * len(long_)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    fields: dict = field(default_factory=dict)  # name → {"strict": PRF, "lenient": PRF}
    agreement: dict = field(default_factory=dict)  # attr → [agree_strict, agree_lenient, n]
    place: list = field(default_factory=lambda: [0, 0, 0])  # strict, lenient, n
    usable: list = field(default_factory=lambda: [0, 0])  # gold figures fully right, gold figures
    event_agreement: dict = field(default_factory=dict)  # attr → [agree, n] on matched events
    errors: list = field(default_factory=list)  # per document error listings
    n_docs: int = 0

    def as_dict(self) -> dict:
        out = {"documents": self.n_docs}
        for name, d in self.fields.items():
            out[name] = {k: v.as_dict() for k, v in d.items()}
        out["statistics_agreement"] = {
            k: {"strict": round(a / n, 4) if n else 0.0, "lenient": round(b / n, 4) if n else 0.0,
                "pairs": n} for k, (a, b, n) in self.agreement.items()}
        s, l, n = self.place
        out["place"] = {"strict": round(s / n, 4) if n else 0.0,
                        "lenient": round(l / n, 4) if n else 0.0, "documents": n}
        u, n = self.usable
        out["statistics_usable"] = {"share": round(u / n, 4) if n else 0.0, "usable": u, "gold": n}
        out["events_agreement"] = {k: {"agreement": round(a / n, 4) if n else 0.0, "pairs": n}
                                   for k, (a, n) in self.event_agreement.items()}
        return out


def read_split(path) -> set:
    """Document names (``devset2/101``) listed in a split file (``#`` comments allowed)."""
    out = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line)
    return out


def _doc_name(gold_dir: Path, gold: dict) -> str:
    return f"{gold_dir.resolve().name}/{gold['id']}"


def load_gold(gold_dir, *, only: Optional[set] = None, exclude: Optional[set] = None) -> list:
    """[(gold dict, raw text path)] for every gold JSON with its text (restricted to the
    documents named in ``only`` and not in ``exclude``, as ``<folder>/<id>``)."""
    gold_dir = Path(gold_dir)
    out = []
    for jf in sorted(gold_dir.glob("*.json")):
        try:
            g = json.loads(jf.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if not isinstance(g, dict) or "id" not in g:
            continue
        name = _doc_name(gold_dir, g)
        if (only is not None and name not in only) or (exclude is not None and name in exclude):
            continue
        tf = gold_dir / (g.get("text_file_local") or f"{jf.stem}.txt")
        if not tf.exists() and g.get("text_file"):
            tf = gold_dir / g["text_file"]
        if tf.exists():
            out.append((g, tf))
    return out


def _names_score(pred: list, gold: list, acc: dict, lenient_fn=lenient_match):
    p = list(dict.fromkeys(x for x in (normalise_name(n) for n in pred) if x))
    g = list(dict.fromkeys(x for x in (normalise_name(n) for n in gold) if x))
    # strict
    ps, gs = set(p), set(g)
    tp = len(ps & gs)
    acc["strict"].tp += tp
    acc["strict"].fp += len(ps) - tp
    acc["strict"].fn += len(gs) - tp
    # lenient: one-to-one greedy
    used = set()
    tpl = 0
    for a in p:
        for j, b in enumerate(g):
            if j not in used and lenient_fn(a, b):
                used.add(j)
                tpl += 1
                break
    acc["lenient"].tp += tpl
    acc["lenient"].fp += len(p) - tpl
    acc["lenient"].fn += len(g) - tpl
    return sorted(ps - gs), sorted(gs - ps)


def _unit(u) -> str:
    u = (u or "").strip()
    return _UNIT_ALIASES.get(u, u)


def _value_eq(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _bigrams(s: str) -> set:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def metric_agrees(a: str, b: str) -> bool:
    """Lenient metric agreement: one names the other with more or fewer qualifiers (one
    contains the other, at least two characters), or their character bigrams overlap with
    Dice ≥ 0.5 (高级能人才 ~ 高技能人才)."""
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 2 and short in long_:
        return True
    ba, bb = _bigrams(a), _bigrams(b)
    return 2 * len(ba & bb) / (len(ba) + len(bb)) >= 0.5


def _metric_sim(a: str, b: str) -> float:
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


def _stats_score(pred: list, gold: list, acc: PRF, agreement: dict, usable: list):
    used = set()
    pairs = []
    unmatched_pred = []
    for p in pred:
        best, best_sim = None, -1.0
        for j, g in enumerate(gold):
            if j in used or not _value_eq(p.get("value"), g.get("value")):
                continue
            if _unit(p.get("unit")) != _unit(g.get("unit")):
                continue
            sim = _metric_sim(p.get("metric") or "", g.get("metric") or "")
            if sim > best_sim:
                best, best_sim = j, sim
        if best is None:
            unmatched_pred.append(p)
        else:
            used.add(best)
            pairs.append((p, gold[best]))
    acc.tp += len(pairs)
    acc.fp += len(unmatched_pred)
    acc.fn += len(gold) - len(used)
    for p, g in pairs:
        right = True
        for attr in ("metric", "kind", "year", "qualifier"):
            a = agreement.setdefault(attr, [0, 0, 0])
            pv, gv = p.get(attr), g.get(attr)
            if attr == "metric":
                pn, gn = normalise_name(pv), normalise_name(gv)
                strict, lenient = pn == gn, metric_agrees(pn, gn)
            else:
                strict = lenient = (pv or None) == (gv or None)
            a[0] += strict
            a[1] += lenient
            a[2] += 1
            right = right and lenient
        usable[0] += right
    usable[1] += len(gold)
    missed = [g for j, g in enumerate(gold) if j not in used]
    return unmatched_pred, missed, pairs


def _names_by_id(items: list, id_key: str) -> dict:
    """id → every normalised name a record gives it (canonical and written forms)."""
    out: dict = {}
    for it in items:
        k = it.get(id_key) or it.get("canonical") or it.get("name")
        out.setdefault(k, set()).update(
            normalise_name(n) for n in (it.get("canonical"), it.get("name")) if n)
    return out


def _event_names(ev: dict, key: str, id_key: str, by_id: dict) -> set:
    names = set(by_id.get(ev.get(id_key)) or ())
    if ev.get(key):
        names.add(normalise_name(ev[key]))
    return names


def _events_score(d: dict, gold: list, acc: dict, agreement: dict) -> tuple:
    """Match predicted events to gold on (action, campaign) and, strictly, the actor too."""
    camps = _names_by_id(d.get("campaigns", []), "campaign_id")
    orgs = _names_by_id(d.get("organizations", []), "org_id")
    pred = [(ev, _event_names(ev, "campaign", "campaign_id", camps),
             _event_names(ev, "actor", "org_id", orgs)) for ev in d.get("events", [])]

    def matches(strict: bool) -> list:
        used, pairs = set(), []
        for ev, cnames, anames in pred:
            for j, g in enumerate(gold):
                if j in used or g.get("action") != ev.get("action"):
                    continue
                if normalise_name(g.get("campaign")) not in cnames:
                    continue
                if strict and (normalise_name(g.get("actor")) or None) not in (anames or {None}):
                    continue
                used.add(j)
                pairs.append((ev, g))
                break
        return pairs

    out = {}
    for mode in ("loose", "strict"):
        pairs = matches(mode == "strict")
        prf = acc[mode]
        prf.tp += len(pairs)
        prf.fp += len(pred) - len(pairs)
        prf.fn += len(gold) - len(pairs)
        out[mode] = pairs
    for ev, g in out["loose"]:
        for attr in ("year", "place", "source_place"):
            a = agreement.setdefault(attr, [0, 0])
            pv, gv = ev.get(attr), g.get(attr)
            if attr == "year":
                ok = (pv or None) == (gv or None)
            else:
                ok = _place_name_agrees(pv, gv)
            a[0] += ok
            a[1] += 1
    matched = {id(g) for _, g in out["loose"]}
    hit = {id(ev) for ev, _ in out["loose"]}
    return ([f"{ev.get('action')} {ev.get('campaign')} by {ev.get('actor')} «{ev.get('text')}»"
             for ev, _, _ in pred if id(ev) not in hit],
            [f"{g.get('action')} {g.get('campaign')} by {g.get('actor')} «{g.get('evidence')}»"
             for g in gold if id(g) not in matched])


def _place_name_agrees(pred: Optional[str], gold: Optional[str]) -> bool:
    """A predicted canonical place (江苏省扬州市) agrees with a gold name (扬州市) when it ends
    with it; both empty agree."""
    p, g = normalise_name(pred), normalise_name(gold)
    if not g or not p:
        return not g and not p
    return p == g or p.endswith(g)


def _place_ok(pred: Optional[dict], gold: Optional[str]) -> tuple:
    if not gold:
        return True, True
    g = normalise_name(gold)
    if not pred:
        return False, False
    cands = [normalise_name(pred.get(k)) for k in ("name", "canonical")]
    canonical = normalise_name(pred.get("canonical"))
    strict = g in cands or (bool(canonical) and canonical.endswith(g))
    lenient = strict or any(c and (g in c or c in g) for c in cands)
    return strict, lenient


def _extract_with_url(path, url: Optional[str] = None, *, orgs: Optional[str] = None,
                      lexicon=None):
    """Extract a gold document's raw file, with its URL (document metadata, not annotation:
    a crawled page comes with one, and it can date the page), in the organization mode
    ``orgs`` and with the user ``lexicon`` (as :func:`unionnlp.pipeline.process_page`)."""
    from .io.readers import read_path
    from .pipeline import process_page

    page = next(iter(read_path(path)))
    if url and not page.url:
        page.url = url
    return process_page(page, lexicon=lexicon, orgs=orgs)


def evaluate(gold_dir, *, extract_fn: Optional[Callable] = None, progress=None,
             only: Optional[set] = None, exclude: Optional[set] = None,
             scores: Optional[Scores] = None, orgs: Optional[str] = None,
             lexicon=None) -> Scores:
    """Run extraction over every gold document and score it.

    ``extract_fn(path)`` → Record replaces the default (the whole flow over the raw file, given
    the gold's ``url`` when it has one, in the organization mode ``orgs`` — ``fast`` or
    ``accurate`` — and with the user ``lexicon``, so a researcher can measure a mode or
    their own lexicon on their gold). ``only``/``exclude``: sets of ``<folder>/<id>``
    names. Passing ``scores`` adds this folder's documents to running totals (several gold
    folders scored as one set).
    """
    how = {"orgs": orgs, "lexicon": lexicon}
    return _evaluate_into(scores if scores is not None else Scores(), gold_dir, extract_fn,
                          progress, only, exclude, how)


def _evaluate_into(scores: Scores, gold_dir, extract_fn, progress, only, exclude,
                   how: dict) -> Scores:
    for n in ("campaigns", "organizations"):
        scores.fields.setdefault(n, {"strict": PRF(), "lenient": PRF()})
    scores.fields.setdefault("statistics", {"strict": PRF()})
    scores.fields.setdefault("events", {"loose": PRF(), "strict": PRF()})
    for gold, path in load_gold(gold_dir, only=only, exclude=exclude):
        if extract_fn is None:
            rec = _extract_with_url(path, gold.get("url") if isinstance(gold.get("url"), str) else None,
                                    **how)
        else:
            rec = extract_fn(path)
        d = rec.to_dict() if hasattr(rec, "to_dict") else rec
        scores.n_docs += 1
        doc_err = {"id": gold["id"], "record_errors": d.get("errors", [])}
        fp, fn = _names_score([c["name"] for c in d.get("campaigns", [])],
                              gold.get("campaigns", []), scores.fields["campaigns"])
        doc_err["campaigns"] = {"false_positives": fp, "missed": fn}
        fp, fn = _names_score([o.get("canonical") or o["name"] for o in d.get("organizations", [])],
                              gold.get("organizations", []), scores.fields["organizations"])
        doc_err["organizations"] = {"false_positives": fp, "missed": fn}
        fp, fn, pairs = _stats_score(d.get("statistics", []), gold.get("statistics", []),
                                     scores.fields["statistics"]["strict"], scores.agreement,
                                     scores.usable)
        doc_err["statistics"] = {
            "false_positives": [f"{p.get('value')}{p.get('unit')} {p.get('metric')} «{p.get('text')}»" for p in fp],
            "missed": [f"{g.get('value')}{g.get('unit')} {g.get('metric')} «{g.get('evidence')}»" for g in fn],
            "metric_disagreements": [f"{p.get('metric')} ≠ {g.get('metric')}" for p, g in pairs
                                     if normalise_name(p.get("metric")) != normalise_name(g.get("metric"))],
        }
        efp, efn = _events_score(d, gold.get("events") or [], scores.fields["events"],
                                 scores.event_agreement)
        doc_err["events"] = {"false_positives": efp, "missed": efn}
        s, l = _place_ok(d.get("place"), gold.get("place"))
        scores.place[0] += s
        scores.place[1] += l
        scores.place[2] += 1
        p = d.get("place") or {}
        doc_err["place"] = {"gold": gold.get("place"), "predicted": p.get("name"),
                            "canonical": p.get("canonical"), "ok": s}
        scores.errors.append(doc_err)
        if progress:
            progress(gold["id"])
    return scores


def format_report(scores: Scores, *, errors: bool = False) -> str:
    """A plain-text table of the scores (and, with ``errors``, what went wrong per document)."""
    lines = [f"documents: {scores.n_docs}", "",
             f"{'field':<15}{'mode':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, d in scores.fields.items():
        for mode, prf in d.items():
            lines.append(f"{name:<15}{mode:<9}{prf.p:>7.3f}{prf.r:>7.3f}{prf.f1:>7.3f}"
                         f"{prf.tp:>6}{prf.fp:>6}{prf.fn:>6}")
    lines.append("")
    for attr, (a, b, n) in scores.agreement.items():
        lines.append(f"statistics {attr:<10} agreement on matched pairs: strict {a / n if n else 0:.3f}"
                     f"  lenient {b / n if n else 0:.3f}  (pairs {n})")
    u, n = scores.usable
    lines.append(f"statistics usable (value, unit, metric, kind, year, qualifier all right): "
                 f"{u / n if n else 0:.3f}  ({u} of {n} gold figures)")
    for attr, (a, n) in scores.event_agreement.items():
        lines.append(f"events {attr:<12} agreement on matched events: {a / n if n else 0:.3f}  (pairs {n})")
    s, l, n = scores.place
    lines.append(f"main place accuracy: strict {s / n if n else 0:.3f}  lenient {l / n if n else 0:.3f}"
                 f"  (documents {n})")
    if errors:
        for e in scores.errors:
            lines += ["", f"== {e['id']}  place: gold {e['place']['gold']} / predicted "
                          f"{e['place']['predicted']} ({e['place']['canonical']})"]
            for k in ("campaigns", "organizations", "statistics", "events"):
                for kk, vv in e[k].items():
                    if vv:
                        lines.append(f"  {k} {kk}: " + " | ".join(map(str, vv)))
            if e["record_errors"]:
                lines.append(f"  record errors: {e['record_errors']}")
    return "\n".join(lines)
