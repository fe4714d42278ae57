"""Builds a tiny random-weight MarianMT model offline: the files an Opus-MT directory holds, 50 KB of weights.

Its translations are nonsense; what the tests need is that the production code loads and
runs it exactly as it would a real Opus-MT directory (tokenizer, config, safetensors).
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

TEMPLATES = {
    "nl": [
        "Het agentschap verdeelt {n} miljoen euro over {k} projecten.",
        "De werkloosheid daalde in {y} tot {d} procent.",
        "Op {day} maart {y} opent het nieuwe bezoekerscentrum.",
        "De minister van Werk bezoekt {k} bedrijven in Limburg.",
        "Meer informatie vindt u op de website van de stad.",
    ],
    "fr": [
        "L'agence répartit {n} millions d'euros entre {k} projets.",
        "Le chômage a baissé à {d} pour cent en {y}.",
        "Le nouveau centre d'accueil ouvre le {day} mars {y}.",
        "Le ministre de l'Emploi visite {k} entreprises au Limbourg.",
        "Plus d'informations sur le site web de la ville.",
    ],
    "en": [
        "The agency divides {n} million euros among {k} projects.",
        "Unemployment fell to {d} percent in {y}.",
        "The new visitor centre opens on {day} March {y}.",
        "The Minister of Work visits {k} companies in Limburg.",
        "More information is available on the city's website.",
    ],
}


def training_sentences(extra_text_dir: Path | None = None) -> list[str]:
    sentences = []
    for i in range(40):
        values = {"n": 12 + 9 * i, "k": 2 + i % 11, "y": 2010 + i % 15, "d": f"{i % 8},{i % 5}", "day": 1 + i % 28}
        for templates in TEMPLATES.values():
            sentences.extend(t.format(**values) for t in templates)
    if extra_text_dir is not None and extra_text_dir.is_dir():
        for path in sorted(extra_text_dir.rglob("*.md"))[:200]:
            sentences.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return sentences


def build_tiny_marian(
    out_dir: Path,
    source_lang: str = "nl",
    target_lang: str = "en",
    *,
    seed: int = 0,
    vocab_size: int = 300,
    corpus_dir: Path | None = None,
    d_model: int = 16,
    layers: int = 1,
    heads: int = 2,
    ffn: int = 32,
    max_positions: int = 128,
    pad_vocab_to: int | None = None,
    init_std: float = 0.5,
) -> Path:
    """Write a Marian model directory; the defaults give the tiny test model.

    With `d_model=512, layers=6, heads=8, ffn=2048, max_positions=512, pad_vocab_to=58101,
    init_std=0.02` it has the size and shape of a real Opus-MT model (for timing only: the
    padded vocabulary entries are dummies the tokenizer never produces).
    """
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        buffer = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(training_sentences(corpus_dir)),
            model_writer=buffer,
            vocab_size=vocab_size,
            model_type="unigram",
            character_coverage=1.0,
            unk_id=0,
            bos_id=-1,
            eos_id=1,
            pad_id=-1,
            hard_vocab_limit=False,
            minloglevel=2,
            num_threads=1,
        )
        spm_path = Path(tmp) / "spm.model"
        spm_path.write_bytes(buffer.getvalue())
        pieces = spm.SentencePieceProcessor(model_file=str(spm_path))
        # The Opus-MT layout: </s> = 0, <unk> = 1, the pieces, <pad> last.
        vocab = {"</s>": 0, "<unk>": 1}
        for i in range(pieces.get_piece_size()):
            vocab.setdefault(pieces.id_to_piece(i), len(vocab))
        while pad_vocab_to and len(vocab) < pad_vocab_to - 1:
            vocab[f"<extra_{len(vocab)}>"] = len(vocab)
        vocab["<pad>"] = len(vocab)
        vocab_path = Path(tmp) / "vocab.json"
        vocab_path.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(
            source_spm=str(spm_path),
            target_spm=str(spm_path),
            vocab=str(vocab_path),
            source_lang=source_lang,
            target_lang=target_lang,
            model_max_length=512,
        )
        tokenizer.save_pretrained(str(out_dir))
    size = len(vocab)
    config = MarianConfig(
        vocab_size=size,
        decoder_vocab_size=size,
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        activation_function="swish",
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        pad_token_id=size - 1,
        decoder_start_token_id=size - 1,
        eos_token_id=0,
        forced_eos_token_id=0,
        bos_token_id=None,
        # The tiny model's 0.5 is far above Opus-MT's 0.02: with weights this small and this
        # few, every input would decode to the same string, and tests could not tell them apart.
        init_std=init_std,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    model.generation_config.num_beams = 1
    model.generation_config.bad_words_ids = [[size - 1]]  # never generate <pad>, like Opus-MT
    model.save_pretrained(str(out_dir))
    return out_dir
