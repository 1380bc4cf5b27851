"""The plotting helpers draw on the Axes they are given, return it, and never show."""
import matplotlib
import pytest
from matplotlib.figure import Figure

from framing import plots


@pytest.fixture()
def no_show(monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show() was called"))


@pytest.mark.parametrize("name", ["plot_kinds", "plot_positions", "plot_source_types"])
def test_draws_on_the_given_axes(name, opinion_report, no_show):
    ax = Figure().add_subplot()
    assert getattr(plots, name)(opinion_report, ax=ax) is ax
    assert ax.get_title() and (ax.patches or ax.collections)
    assert getattr(opinion_report, name)(ax=ax) is ax  # the Report methods too


def test_makes_a_figure_without_axes(wire_report, no_show):
    import matplotlib.pyplot as plt

    backend = matplotlib.get_backend()
    ax = plots.plot_kinds(wire_report)
    assert ax.figure is not None and matplotlib.get_backend() == backend
    plt.close(ax.figure)


def test_empty_report(no_show):
    from framing import score

    report = score("The council met on Tuesday.")
    for plot in (plots.plot_kinds, plots.plot_positions, plots.plot_source_types):
        ax = plot(report, ax=Figure().add_subplot())
        assert any("no " in t.get_text() for t in ax.texts)
