"""The review page: one self-contained HTML file a translator reads side by side.

Per release, the aligned sentences in one column per language (the source first), every finding
marked on its exact spans in each version it concerns, with its code, severity, message and
expected / found; an odd one out (two versions agree against the third) is said so, unaligned
sentences (omissions, additions) stand alone in their row. At the top, counts per release and
per category; filters by severity, category, code and language, a search box, `j`/`k` (or
`n`/`p`) from finding to finding, print and dark styles. No network, no external asset: the CSS
and the script are inline, so the file works from a CI artefact or an e-mail attachment.

The page is built from the run's findings and the aligned pairs the pipeline kept
(`CheckRun.aligned`, `run_check(keep_pairs=True)`); it locates each finding's pair by the
finding's own texts and position and computes nothing about the translation. Every text is
escaped: the corpus comes from a pull request.

The filters start from the page's address (`review.html#sev=error&lang=fr&q=budget&keys=jj`):
a link can share a view, and the Chromium test drives the page without a debugging protocol.
The script writes what it shows back into the page (`hidden` on what a filter hides, the
counts in `data-shown`), which is what a reader — or `chromium --dump-dom` — sees.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from checker import __version__
from checker.pipeline import CheckRun
from checker.records import AlignedPair, Finding, Segment, locate
from checker.report.base import Reporter

_SEVERITIES = ("error", "warning", "info")
_RANK = {"error": 2, "warning": 1, "info": 0}
# Characters HTML cannot carry even escaped (a NUL, C0 controls but tab and line ends).
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


def _esc(text: object) -> str:
    return html.escape(_NOT_HTML.sub("\ufffd", str(text)), quote=True)


@dataclass
class _Cell:
    """The sentences of one language in one row, and the marks on their joined text."""

    segments: list[Segment] = field(default_factory=list)
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, finding id)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (finding id, what the cell is to it)

    def start_of(self, segment: Segment) -> int:
        """Where `segment` starts in the cell's space-joined text."""
        position = 0
        for own in self.segments:
            if own.index == segment.index:
                return position
            position += len(own.text) + 1
        raise KeyError(segment.index)


@dataclass
class _Row:
    cells: dict[str, _Cell]
    findings: list[str] = field(default_factory=list)
    alone: str = ""  # "omission" / "addition": a sentence without a counterpart


def _rows(pairs: dict[str, Sequence[AlignedPair]], source_lang: str,
          languages: Sequence[str]) -> tuple[list[_Row], dict[tuple[str, int], tuple[_Row, AlignedPair]]]:
    """The release's rows, and where each pair (target lang, position in its list) landed.

    A row holds the source sentences that no pair of any language splits, with every pair that
    covers them; a target sentence without a source counterpart is a row of its own, after the
    row of the source sentence it follows.
    """
    sources: dict[int, Segment] = {}
    cut_forbidden: set[int] = set()
    for lang_pairs in pairs.values():
        for pair in lang_pairs:
            for segment in pair.source:
                sources[segment.index] = segment
            indices = [s.index for s in pair.source]
            if indices:
                cut_forbidden.update(range(min(indices), max(indices)))
    ordered = sorted(sources)
    groups: list[list[int]] = []
    for index in ordered:
        if groups and groups[-1][-1] in cut_forbidden:
            groups[-1].append(index)
        else:
            groups.append([index])
    row_of_source: dict[int, int] = {i: n for n, group in enumerate(groups) for i in group}
    rows = [_Row({lang: _Cell() for lang in languages}) for _ in groups]
    for n, group in enumerate(groups):
        rows[n].cells[source_lang].segments = [sources[i] for i in group]
    placed: dict[tuple[str, int], tuple[_Row, AlignedPair]] = {}
    after: dict[int, list[_Row]] = defaultdict(list)  # row number (-1: before the first) -> additions
    for lang in languages:
        previous = -1
        for position, pair in enumerate(pairs.get(lang, ())):
            if pair.source:
                row = rows[row_of_source[pair.source[0].index]]
                row.cells[lang].segments.extend(pair.target)
                previous = row_of_source[pair.source[-1].index]
                if not pair.target:
                    row.alone = row.alone or "omission"
            else:
                row = _Row({lang_: _Cell() for lang_ in languages}, alone="addition")
                row.cells[lang].segments.extend(pair.target)
                after[previous].append(row)
            placed[(lang, position)] = (row, pair)
    ordered_rows = list(after[-1])
    for n, row in enumerate(rows):
        ordered_rows.append(row)
        ordered_rows.extend(after[n])
    return ordered_rows, placed


def _same_place(finding: Finding, segments: Sequence[Segment], spans) -> bool:
    start = spans[0].start if spans else 0
    return bool(segments) and locate(segments, start) == (finding.file, finding.line, finding.column)


def _pair_of(finding: Finding, pairs: dict[str, Sequence[AlignedPair]]) -> int | None:
    """The position, in its language's pairs, of the pair the finding was written about."""
    if not finding.source and not finding.target:
        return None
    target_lang = finding.target_lang or finding.lang
    candidates = [n for n, pair in enumerate(pairs.get(target_lang, ()))
                  if pair.source_text == finding.source and pair.target_text == finding.target]
    if len(candidates) > 1:  # the same sentence twice: the one at the finding's position
        own_side_is_source = finding.lang == finding.source_lang
        for n in candidates:
            pair = pairs[target_lang][n]
            segments, spans = ((pair.source, finding.source_spans) if own_side_is_source
                               else (pair.target, finding.target_spans))
            if _same_place(finding, segments, spans):
                return n
    return candidates[0] if candidates else None


@dataclass
class _Placed:
    id: str
    finding: Finding
    row: _Row | None
    langs: tuple[str, ...]  # the versions it concerns


def _mark(cell: _Cell, segments: Sequence[Segment], spans, whole: bool, fid: str) -> None:
    if not segments:
        return
    offset = cell.start_of(segments[0])
    length = sum(len(s.text) for s in segments) + len(segments) - 1
    if spans:
        for span in spans:
            start, end = max(0, span.start), min(length, span.end)
            if end > start:
                cell.marks.append((offset + start, offset + end, fid))
    elif whole:
        cell.marks.append((offset, offset + length, fid))


def _place(findings: Sequence[tuple[str, Finding]], pairs: dict[str, Sequence[AlignedPair]],
           placed: dict[tuple[str, int], tuple[_Row, AlignedPair]], source_lang: str) -> list[_Placed]:
    out = []
    for fid, finding in findings:
        target_lang = finding.target_lang or finding.lang
        position = _pair_of(finding, pairs)
        if position is None or (target_lang, position) not in placed:
            out.append(_Placed(fid, finding, None, (finding.lang,)))
            continue
        row, pair = placed[(target_lang, position)]
        row.findings.append(fid)
        source_cell, target_cell = row.cells[source_lang], row.cells[target_lang]
        # Spans where the check gave them; a finding without spans marks its own version's sentence.
        _mark(source_cell, pair.source, finding.source_spans, finding.lang == source_lang, fid)
        _mark(target_cell, pair.target, finding.target_spans, finding.lang == target_lang, fid)
        langs = [source_lang, target_lang] if pair.source else [target_lang]
        agreeing = tuple(getattr(finding.problem, "agreeing", ()) or ())
        for lang in agreeing:
            if lang in row.cells and lang not in langs:
                langs.append(lang)
        for lang in langs:
            if lang == finding.lang and agreeing:
                row.cells[lang].notes.append((fid, "odd one out"))
            elif lang in agreeing:
                row.cells[lang].notes.append((fid, "agrees"))
        out.append(_Placed(fid, finding, row, tuple(langs)))
    return out


def _cell_html(cell: _Cell, severity_of: dict[str, str], labels: dict[str, str]) -> str:
    """The cell's sentences with the findings' spans as <mark>s; overlapping spans are split."""
    parts: list[str] = []
    position = 0
    for number, segment in enumerate(cell.segments):
        if number:
            parts.append(" ")
            position += 1
        start, end = position, position + len(segment.text)
        bounds = {start, end}
        for a, b, _fid in cell.marks:
            bounds.update(x for x in (a, b) if start < x < end)
        edges = sorted(bounds)
        pieces = []
        for a, b in zip(edges, edges[1:]):
            text = _esc(segment.text[a - start : b - start])
            fids = [fid for m_a, m_b, fid in cell.marks if m_a <= a and b <= m_b]
            if fids:
                worst = max((severity_of[f] for f in fids), key=_RANK.__getitem__)
                ids = " ".join(dict.fromkeys(fids))
                label = _esc("; ".join(labels[f] for f in dict.fromkeys(fids)))  # read by screen readers and on hover
                pieces.append(f'<mark class="hl {worst}" data-f="{ids}" data-sev="{worst}" title="{label}">{text}</mark>')
            else:
                pieces.append(text)
        line, column = segment.position(0)
        parts.append(f'<span class="seg" data-loc="{_esc(segment.file)}:{line}:{column}">'
                     f'<span class="loc" title="line {line}" aria-label="line {line}">{line}</span>{"".join(pieces)}</span>')
        position = end
    notes = "".join(f'<span class="note" data-f="{fid}">{_esc(what)}</span>' for fid, what in cell.notes)
    return notes + "".join(parts)


def _finding_html(placed: _Placed, row_id: str) -> str:
    f = placed.finding
    severity = f.severity.value
    target_lang = f.target_lang or f.lang
    agreeing = tuple(getattr(f.problem, "agreeing", ()) or ())
    odd = (f'<p class="odd">odd one out: <strong>{_esc(f.lang.upper())}</strong>; '
           f'{_esc(" and ".join(a.upper() for a in agreeing))} agree</p>') if agreeing else ""
    values = ""
    if f.expected is not None or f.found is not None:
        values = (f'<dl class="values"><dt>expected</dt><dd>{_esc(f.expected or "-")}</dd>'
                  f'<dt>found</dt><dd>{_esc(f.found or "-")}</dd></dl>')
    extra = "".join(f'<p class="extra"><span class="label">{_esc(label)}</span> {_esc(text)}</p>' for label, text in f.extra)
    sentences = ""
    if placed.row is None:  # no aligned pair to show it in: its sentences here
        if f.source:
            sentences += f'<p class="extra"><span class="label">{_esc(f.source_lang.upper())}</span> {_esc(f.source)}</p>'
        if f.target:
            sentences += f'<p class="extra"><span class="label">{_esc(target_lang.upper())}</span> {_esc(f.target)}</p>'
    return (
        f'<li class="finding {severity}" id="{placed.id}" tabindex="-1" data-row="{row_id}" data-sev="{severity}" '
        f'data-cat="{_esc(f.category)}" data-code="{_esc(f.code)}" data-lang="{_esc(f.lang)}" '
        f'data-langs="{_esc(" ".join(placed.langs))}" data-file="{_esc(f.file)}" data-line="{f.line}" '
        f'data-column="{f.column}">'
        f'<p class="head"><span class="badge {severity}">{_esc(severity)}</span> <code>{_esc(f.code)}</code> '
        f'<span class="cat">[{_esc(f.category)}]</span> <span class="where">{_esc(f.file)}:{f.line}:{f.column}</span></p>'
        f'<p class="msg">{_esc(f.message)}</p>{odd}{values}{extra}{sentences}</li>'
    )


_CSS = """
:root{--bg:#fff;--fg:#1a1a1a;--muted:#555;--line:#c8c8c8;--head:#f0f0f0;--alone:#fff8e0;
--error:#ffd6d6;--error-fg:#8a0000;--warning:#ffe9b3;--warning-fg:#6b4500;--info:#d6ecff;--info-fg:#004a80;
--current:#1d4ed8;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#ececec;--muted:#b0b0b0;--line:#444;--head:#232323;
--alone:#2e2a1a;--error:#5a1c1c;--error-fg:#ffb3b3;--warning:#4d3b12;--warning-fg:#ffd98a;--info:#16385a;
--info-fg:#a8d4ff;--current:#8ab4ff}}
*{box-sizing:border-box}
body{margin:0;padding:1rem 1.5rem;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,sans-serif}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line)}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--head);position:sticky;top:0;z-index:1}
table.counts{width:auto;min-width:40%}.counts td{text-align:right}.counts th[scope=row]{font-weight:normal}
.review td.lang{width:26%}.review td.findings{width:22%}
.review th[scope=row]{font-weight:normal;color:var(--muted);font-size:.8rem;width:3rem}
tr.alone td.lang{background:var(--alone)}
.loc{color:var(--muted);font-size:.75rem;margin-right:.3rem;user-select:none}
.seg{display:inline}
mark.hl{color:inherit;border-radius:2px;padding:0 1px;border-bottom:2px solid}
mark.error{background:var(--error);border-color:var(--error-fg)}mark.warning{background:var(--warning);border-color:var(--warning-fg)}
mark.info{background:var(--info);border-color:var(--info-fg)}
mark.off{background:none;border-bottom:1px dotted var(--muted)}
.note{display:block;font-size:.75rem;font-weight:600;color:var(--muted)}
.findings ul,ul.loose{list-style:none;margin:0;padding:0}
.finding{border-left:4px solid var(--line);padding:.2rem .4rem;margin:0 0 .4rem}
.finding.error{border-color:var(--error-fg)}.finding.warning{border-color:var(--warning-fg)}.finding.info{border-color:var(--info-fg)}
.finding.current{outline:3px solid var(--current);outline-offset:1px}
mark.current{outline:2px solid var(--current)}
.finding p{margin:.1rem 0}.where,.cat{color:var(--muted);font-size:.8rem}
.badge{font-size:.75rem;font-weight:700;padding:0 .3rem;border-radius:3px}
.badge.error{background:var(--error);color:var(--error-fg)}.badge.warning{background:var(--warning);color:var(--warning-fg)}
.badge.info{background:var(--info);color:var(--info-fg)}
.odd{font-weight:600}.values{display:grid;grid-template-columns:auto 1fr;gap:0 .5rem;margin:.1rem 0;font-size:.9rem}
.values dt{color:var(--muted)}.values dd{margin:0}.label{font-weight:700;font-size:.8rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:flex-start;margin:1rem 0;padding:.5rem;
border:1px solid var(--line);background:var(--head)}
.controls fieldset{border:1px solid var(--line);margin:0;padding:.2rem .5rem}.controls legend{font-weight:600}
.controls label{margin-right:.6rem;white-space:nowrap}
#status{font-weight:600}.muted{color:var(--muted)}
[hidden]{display:none!important}
@media print{.controls,.keys{display:none}body{padding:0;font-size:10pt}thead th{position:static}
tr{break-inside:avoid}mark.hl{background:none;border-bottom:2px solid #000;color:#000}
mark.off{border-bottom:none}.finding{break-inside:avoid}}
"""

_JS = r"""
(function(){
"use strict";
var findings=Array.prototype.slice.call(document.querySelectorAll("li.finding"));
var rows=Array.prototype.slice.call(document.querySelectorAll("tr.row"));
var marks=Array.prototype.slice.call(document.querySelectorAll("mark.hl, .note"));
var boxes=Array.prototype.slice.call(document.querySelectorAll(".controls input[type=checkbox][data-filter]"));
var search=document.getElementById("search"),only=document.getElementById("only");
var status=document.getElementById("status"),current=-1;
function chosen(kind){var on={};boxes.forEach(function(b){if(b.dataset.filter===kind&&b.checked)on[b.value]=1;});return on;}
function text(el){return (el.textContent||"").toLowerCase();}
function apply(){
  var sev=chosen("sev"),cat=chosen("cat"),code=chosen("code"),lang=chosen("lang");
  var q=search.value.trim().toLowerCase(),shown={},count=0;
  findings.forEach(function(f){
    var row=f.dataset.row?document.getElementById(f.dataset.row):null;
    var ok=sev[f.dataset.sev]&&cat[f.dataset.cat]&&code[f.dataset.code]&&lang[f.dataset.lang];
    if(ok&&q)ok=text(f).indexOf(q)>=0||(row!==null&&text(row).indexOf(q)>=0);
    f.hidden=!ok;if(ok){shown[f.id]=1;count++;}
  });
  marks.forEach(function(m){var on=m.dataset.f.split(" ").some(function(id){return shown[id];});
    m.classList.toggle("off",!on);if(m.tagName==="SPAN")m.hidden=!on;});
  var visibleRows=0;
  rows.forEach(function(r){
    var any=r.querySelector("li.finding:not([hidden])")!==null;
    // a row with a shown finding stays; the search also keeps a row whose own text matches
    var hide=only.checked?!any:(q?!any&&text(r).indexOf(q)<0:false);
    r.hidden=hide;if(!hide)visibleRows++;
  });
  document.querySelectorAll("section.release").forEach(function(s){
    var n=s.querySelectorAll("li.finding:not([hidden])").length;s.dataset.shown=n;});
  document.body.dataset.shown=count;document.body.dataset.rowsShown=visibleRows;
  status.textContent=count+" of "+findings.length+" findings shown";
  var state=[];["sev","cat","code","lang"].forEach(function(k){var on=chosen(k),all=boxes.filter(function(b){return b.dataset.filter===k;});
    if(Object.keys(on).length<all.length)state.push(k+"="+Object.keys(on).map(encodeURIComponent).join(","));});
  if(q)state.push("q="+encodeURIComponent(q));if(only.checked)state.push("only=1");
  if(history.replaceState&&location.protocol!=="about:")try{history.replaceState(null,"","#"+state.join("&"));}catch(e){}
}
function visible(){return findings.filter(function(f){return !f.hidden;});}
function go(step){
  var list=visible();if(!list.length)return;
  var at=list.indexOf(findings[current]);at=at<0?(step>0?0:list.length-1):(at+step+list.length)%list.length;
  document.querySelectorAll(".current").forEach(function(e){e.classList.remove("current");e.removeAttribute("aria-current");});
  var f=list[at];current=findings.indexOf(f);f.classList.add("current");f.setAttribute("aria-current","true");
  document.querySelectorAll('mark.hl').forEach(function(m){if(m.dataset.f.split(" ").indexOf(f.id)>=0)m.classList.add("current");});
  document.body.dataset.current=f.id;f.focus({preventScroll:true});
  var row=f.dataset.row?document.getElementById(f.dataset.row):f;if(row&&row.scrollIntoView)row.scrollIntoView({block:"center"});
}
function key(e){
  if(e.target&&(e.target.tagName==="INPUT"||e.target.tagName==="TEXTAREA")){if(e.key==="Escape")e.target.blur();return;}
  if(e.ctrlKey||e.metaKey||e.altKey)return;
  if(e.key==="j"||e.key==="n"){go(1);e.preventDefault();}
  else if(e.key==="k"||e.key==="p"){go(-1);e.preventDefault();}
  else if(e.key==="/"){search.focus();e.preventDefault();}
}
document.addEventListener("keydown",key);
boxes.forEach(function(b){b.addEventListener("change",apply);});
search.addEventListener("input",apply);only.addEventListener("change",apply);
document.querySelectorAll("mark.hl").forEach(function(m){m.addEventListener("click",function(){
  var id=m.dataset.f.split(" ")[0];current=findings.indexOf(document.getElementById(id))-1;go(1);});});
// The starting view from the address: #sev=error,warning&cat=number&code=NUM001&lang=fr&q=text&only=1&keys=jjk
var keys="";
location.hash.replace(/^#/,"").split("&").forEach(function(part){
  if(!part)return;var i=part.indexOf("="),k=i<0?part:part.slice(0,i),v=i<0?"":decodeURIComponent(part.slice(i+1));
  if(k==="q")search.value=v;else if(k==="only")only.checked=v!=="0";else if(k==="keys")keys=v;
  else if(["sev","cat","code","lang"].indexOf(k)>=0){var on={};v.split(",").forEach(function(x){on[x]=1;});
    boxes.forEach(function(b){if(b.dataset.filter===k)b.checked=!!on[b.value];});}
});
apply();
keys.split("").forEach(function(k){document.dispatchEvent(new KeyboardEvent("keydown",{key:k,bubbles:true}));});
document.body.dataset.ready="1";
})();
"""


def _checkboxes(kind: str, legend: str, values: Iterable[tuple[str, str, int]]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" data-filter="{kind}" value="{_esc(value)}" checked> {_esc(label)} '
        f'<span class="muted">({count})</span></label>'
        for value, label, count in values
    )
    return f'<fieldset><legend>{legend}</legend>{boxes}</fieldset>'


class HtmlReporter(Reporter):
    """`--format html`: the review page (needs the run's aligned pairs: `run_check(keep_pairs=True)`)."""

    name = "html"
    needs_pairs = True

    def _languages(self, run: CheckRun) -> tuple[str, list[str]]:
        if self.scope is not None and self.scope.languages:
            source = self.scope.source_lang
            return source, [source, *(lang for lang in self.scope.languages if lang != source)]
        source = next((f.source_lang for f in run.findings), "")
        langs = list(dict.fromkeys([source, *(lang for pairs in run.aligned.values() for lang in pairs),
                                    *(f.lang for f in run.findings)]))
        return source, [lang for lang in langs if lang]

    def render(self, run: CheckRun) -> str:
        source_lang, languages = self._languages(run)
        fids = {id(f): f"f{n}" for n, f in enumerate(run.findings, 1)}
        severity_of = {fids[id(f)]: f.severity.value for f in run.findings}
        labels = {fids[id(f)]: f"{f.severity.value} {f.code}" for f in run.findings}
        by_release: dict[str, list[Finding]] = defaultdict(list)
        for finding in run.findings:
            by_release[finding.release].append(finding)
        releases = sorted({*(self.scope.releases if self.scope else ()), *run.aligned, *by_release})

        sections, summary_rows = [], []
        categories = sorted({f.category for f in run.findings})
        for number, release in enumerate(releases, 1):
            findings = by_release.get(release, [])
            pairs = run.aligned.get(release, {})
            rows, placed = _rows(pairs, source_lang, languages)
            located = _place([(fids[id(f)], f) for f in findings], pairs, placed, source_lang)
            row_ids = {id(row): f"r{number}-{n}" for n, row in enumerate(rows, 1)}
            section_id = f"release-{number}"
            counts = Counter(f.severity.value for f in findings)
            per_category = Counter(f.category for f in findings)
            summary_rows.append(
                f'<tr><th scope="row"><a href="#{section_id}">{_esc(release)}</a></th>'
                + "".join(f"<td>{counts.get(s, 0)}</td>" for s in _SEVERITIES)
                + "".join(f"<td>{per_category.get(c, 0)}</td>" for c in categories) + "</tr>"
            )
            sections.append(self._release_html(release, section_id, rows, row_ids, located, languages,
                                                source_lang, severity_of, labels))

        problems = "".join(f"<li>{_esc(p)}</li>" for p in run.input_problems)
        skipped = "".join(f"<li>{_esc(s)}</li>" for s in run.skipped)
        total = Counter(f.severity.value for f in run.findings)
        totals = Counter(f.category for f in run.findings)
        summary = (
            '<table class="counts"><caption class="muted">Findings per release and category</caption><thead><tr>'
            '<th scope="col">release</th>' + "".join(f'<th scope="col">{s}</th>' for s in _SEVERITIES)
            + "".join(f'<th scope="col">{_esc(c)}</th>' for c in categories) + "</tr></thead><tbody>"
            + "".join(summary_rows) + "</tbody><tfoot><tr><th scope=\"row\">all</th>"
            + "".join(f"<td>{total.get(s, 0)}</td>" for s in _SEVERITIES)
            + "".join(f"<td>{totals.get(c, 0)}</td>" for c in categories) + "</tr></tfoot></table>"
        )
        codes = Counter(f.code for f in run.findings)
        langs = Counter(f.lang for f in run.findings)
        controls = (
            '<form class="controls" role="search" aria-label="Filter the findings" onsubmit="return false">'
            + _checkboxes("sev", "Severity", [(s, s, total.get(s, 0)) for s in _SEVERITIES])
            + _checkboxes("cat", "Category", [(c, c, totals[c]) for c in categories])
            + _checkboxes("code", "Code", [(c, c, codes[c]) for c in sorted(codes)])
            + _checkboxes("lang", "Language", [(lang, lang.upper(), langs.get(lang, 0)) for lang in languages])
            + '<div><label for="search">Search</label> <input type="search" id="search" '
              'placeholder="text, code or message"><br><label><input type="checkbox" id="only"> '
              'only rows with findings</label></div>'
            + '<p class="keys muted"><kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous, '
              '<kbd>/</kbd> search</p></form>'
        )
        counts_line = (f"{len(run.findings)} findings ({total.get('error', 0)} errors, {total.get('warning', 0)} "
                       f"warnings, {total.get('info', 0)} info) in {run.releases} releases "
                       f"({run.documents} files, {run.sentences} sentences)")
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            # No network: this page loads nothing, not even from its own directory.
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
            'script-src \'unsafe-inline\'; img-src data:">'
            f'<title>checker review: {len(run.findings)} findings</title><style>{_CSS}</style></head>'
            f'<body data-total="{len(run.findings)}"><header><h1>Translation review</h1>'
            f'<p>{_esc(counts_line)} &middot; checker {_esc(__version__)}</p>'
            f'<p id="status" role="status" aria-live="polite"></p></header><main>'
            f'<h2 id="summary">Summary</h2>{summary}'
            + (f'<h3>Input problems</h3><ul>{problems}</ul>' if problems else "")
            + (f'<h3>Not run</h3><ul>{skipped}</ul>' if skipped else "")
            + controls + "".join(sections) + f"</main><script>{_JS}</script></body></html>\n"
        )

    def _release_html(self, release: str, section_id: str, rows: list[_Row], row_ids: dict[int, str],
                      located: list[_Placed], languages: Sequence[str], source_lang: str,
                      severity_of: dict[str, str], labels: dict[str, str]) -> str:
        by_row: dict[int, list[_Placed]] = defaultdict(list)
        for item in located:
            if item.row is not None:
                by_row[id(item.row)].append(item)
        loose = [item for item in located if item.row is None]
        head = ('<tr><th scope="col"><span class="muted">row</span></th>' + "".join(
            f'<th scope="col" data-lang="{_esc(lang)}">{_esc(lang.upper())}{" (source)" if lang == source_lang else ""}</th>'
            for lang in languages) + '<th scope="col">findings</th></tr>')
        body = []
        for row in rows:
            row_id = row_ids[id(row)]
            cells = "".join(
                f'<td class="lang" data-lang="{_esc(lang)}" lang="{_esc(lang)}">{_cell_html(row.cells[lang], severity_of, labels)}</td>'
                for lang in languages)
            items = "".join(_finding_html(item, row_id) for item in by_row.get(id(row), []))
            alone = f' data-alone="{row.alone}"' if row.alone else ""
            label = f"{row_id.split('-')[1]}" + (f' <span class="muted">{row.alone}</span>' if row.alone else "")
            body.append(f'<tr class="row{" alone" if row.alone else ""}" id="{row_id}"{alone}>'
                        f'<th scope="row">{label}</th>{cells}<td class="findings"><ul>{items}</ul></td></tr>')
        table = (f'<table class="review"><caption class="muted">{_esc(release)}: aligned sentences, '
                 f'one column per language</caption><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
                 if rows else '<p class="muted">No aligned sentences to show.</p>')
        others = (f'<h3>Findings without an aligned sentence</h3><ul class="loose">'
                  f'{"".join(_finding_html(item, "") for item in loose)}</ul>') if loose else ""
        return (f'<section class="release" id="{section_id}" aria-labelledby="{section_id}-h">'
                f'<h2 id="{section_id}-h">{_esc(release)}</h2>{table}{others}</section>')
