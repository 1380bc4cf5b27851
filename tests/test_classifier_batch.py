"""Batched scoring and explanation give what scoring each sentence alone gives."""
from __future__ import annotations

import numpy as np
import pytest

from framing.classifier import SentenceScorer
from framing.classifier.tfidf import Prepared

SENTENCES = [
    "Calder's corporate cronies left it rotting in place.",
    "The order was lifted on Sunday afternoon.",
    "Critics say the so-called reform might fail, and that is shameful!",
    "",
    "It is, it is, it is the same the same word again: again.",
]


@pytest.fixture(scope="module")
def scorer() -> SentenceScorer:
    return SentenceScorer.load()


def test_summary_explanations_equal_each_sentence_explained_alone(scorer, opinion_report):
    top = opinion_report.scores["classifier"]["top"]
    assert len(top) == 5
    for entry in top:
        alone = scorer.explain(entry["text"])
        batched = [(e["feature"], e["contribution"]) for e in entry["explanation"]]
        assert [f for f, _ in batched] == [f for f, _ in alone], entry["text"]
        assert [c for _, c in batched] == pytest.approx([c for _, c in alone], abs=1e-4)


def test_explain_many_equals_explain(scorer):
    head = scorer.bias
    texts = [t for t in SENTENCES if t]
    rows = scorer._head_rows(head, np.array([scorer.featurizer.of_text(t) for t in texts]))
    many = head.explain_many(texts, rows, top=20)
    for k, text in enumerate(texts):
        assert many[k] == head.explain(text, rows[k], top=20)


def test_prepared_texts_give_the_same_entries(scorer):
    for head in scorer.heads:
        for table in (head.word, head.char):
            if table is None:
                continue
            plain = table.entries(SENTENCES)
            prepared = table.entries(Prepared(SENTENCES))
            for a, b in zip(plain, prepared):
                assert np.array_equal(a, b)
            # one text at a time gives the same rows
            for k, text in enumerate(SENTENCES):
                rows, cols, values = table.entries([text])
                assert np.array_equal(cols, plain[1][plain[0] == k])
                assert np.allclose(values, plain[2][plain[0] == k])


def test_cue_rows_from_tokens_equal_rows_from_text(scorer):
    cues = scorer.bias.cue_words
    if cues is None:
        pytest.skip("the shipped bias head has no cue-word model")
    assert np.array_equal(cues.rows(SENTENCES), cues.rows_of(Prepared(SENTENCES).tokens))


def test_scores_do_not_depend_on_the_batch(scorer, opinion_report):
    article = opinion_report.article
    scores = scorer.score(article, opinion_report.findings)
    for i in scores.scored()[:6]:
        s = article.sentences[i]
        text = article.text[s.start : s.end]
        rows = scorer._head_rows(scorer.bias, scores.lexicon_rows[i].reshape(1, -1))
        alone = scorer.bias.scores([text], rows)[0]
        assert scores.score[i] == pytest.approx(alone, abs=1e-4)


def test_joint_lookups_give_each_table_its_own_columns(scorer):
    from framing.classifier.tfidf import JointGrams

    tables = [head.word for head in scorer.heads]
    joint = JointGrams.of(tables)
    assert joint is not None
    prepared = Prepared(SENTENCES)
    joint.fill(prepared)
    for table in tables:
        for a, b in zip(table.entries(prepared), table.entries(SENTENCES)):
            assert np.array_equal(a, b)


def test_cue_rows_survive_a_full_cache(scorer, monkeypatch):
    cues = scorer.bias.cue_words
    if cues is None:
        pytest.skip("the shipped bias head has no cue-word model")
    expected = cues.rows(SENTENCES)
    import framing.classifier.cuewords as cuewords

    monkeypatch.setattr(cuewords, "CACHE_LIMIT", 5)  # every batch of new words clears the cache
    cues.learn(["zyzzyva"])
    assert np.array_equal(cues.rows_of(Prepared(SENTENCES).tokens), expected)
    credited = cues.credit(Prepared(SENTENCES).tokens[0], [1.0, 0.5, 2.0])
    assert sum(credited.values()) == pytest.approx(3.5)


def test_negators_counted_alike_from_the_detectors_keys(scorer, opinion_report, wire_report):
    from framing.context import Context

    for report in (opinion_report, wire_report):
        article = report.article
        keys = Context(article, scorer.featurizer.matcher).keyed.keys_for("exact")
        indices = article.scored_sentences()
        with_keys = scorer.featurizer.of_article(article, report.findings, indices, keys)
        without = scorer.featurizer.of_article(article, report.findings, indices)
        assert np.array_equal(with_keys, without)
        assert with_keys[:, scorer.featurizer.names.index("negators")].sum() > 0 or report is wire_report


@pytest.mark.parametrize("ngrams", [(1, 1), (1, 2), (2, 2), (1, 3)])
def test_joint_lookups_of_fitted_tables(ngrams):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.classifier.tfidf import JointGrams, TfidfTable

    corpus = [s for s in SENTENCES if s] + ["The same word again and the order was lifted.", "Critics say it might fail."]
    tables = [
        TfidfTable.from_sklearn(TfidfVectorizer(ngram_range=ngrams, sublinear_tf=True).fit(corpus)),
        TfidfTable.from_sklearn(TfidfVectorizer(ngram_range=ngrams, max_features=6).fit(corpus[::-1])),
    ]
    joint = JointGrams.of(tables)
    prepared = Prepared(SENTENCES + ["the the the", "Unseen words only here."])
    joint.fill(prepared)
    for table in tables:
        expected = table.entries(list(prepared.texts))
        for a, b in zip(table.entries(prepared), expected):
            assert np.array_equal(a, b)
