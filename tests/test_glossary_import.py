"""`checker glossary import`: TBX and CSV files a new user brings, round-tripped through the YAML loader."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.commands.glossary import glossary_group
from checker.glossary import GlossaryError, load_glossaries
from checker.glossary.importers import import_csv, import_tbx

LANGS = ("nl", "fr", "en")

TBX_BASIC = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-GB">
  <martifHeader><fileDesc><sourceDesc><p>exported by a CAT tool</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c-pit">
      <descrip type="definition">Walloon funding instrument</descrip>
      <langSet xml:lang="nl-BE"><tig><term>Technologisch Innovatiepartnerschap</term></tig></langSet>
      <langSet xml:lang="fr-BE"><tig><term>Partenariat d'Innovation Technologique</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
      <langSet xml:lang="en-GB">
        <tig><term>Technology Innovation Partnership</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
        <tig><term>Technological Innovation Partnership</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="de"><tig><term>Technologische Innovationspartnerschaft</term></tig></langSet>
    </termEntry>
    <termEntry id="c-medvia">
      <langSet xml:lang="nl"><ntig><termGrp><term>MEDVIA</term></termGrp></ntig></langSet>
      <langSet xml:lang="fr"><ntig><termGrp><term>MEDVIA</term></termGrp></ntig></langSet>
      <langSet xml:lang="en"><ntig><termGrp><term>MEDVIA</term></termGrp></ntig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>IATE export</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="3537925">
      <langSec xml:lang="en">
        <termSec><term>advanced therapy medicinal product</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="termType">fullForm</termNote></termSec>
        <termSec><term>advanced therapy medical product</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="fr">
        <termSec><term>médicament de thérapie innovante</term></termSec>
      </langSec>
      <langSec xml:lang="nl">
        <termSec><term>geneesmiddel voor geavanceerde therapie</term></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c-wp">
      <langSec xml:lang="nl"><termSec><term>werkpakket</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>work package</term></termSec>
        <termSec><term>workpackage</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol3;</term></tig></langSet>
</termEntry></body></text></martif>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "file:///etc/passwd">
<martif type="TBX-Basic"><text><body/></text></martif>
"""


def run(*args: str):
    return CliRunner().invoke(glossary_group, list(args), catch_exceptions=False)


def test_tbx_basic_keeps_preferred_first_and_deprecated_as_forbidden():
    result = import_tbx(TBX_BASIC.encode(), "pit.tbx", LANGS)
    pit, medvia = result.entries
    assert pit.id == "c-pit"
    assert pit.forms == {
        "nl": ("Technologisch Innovatiepartnerschap",),
        "fr": ("Partenariat d'Innovation Technologique",),
        "en": ("Technological Innovation Partnership",),
    }
    assert pit.forbidden == {"en": ("Technology Innovation Partnership",)}
    assert pit.note == "Walloon funding instrument"
    assert medvia.case_sensitive and medvia.forms["fr"] == ("MEDVIA",)
    assert any("de" in w for w in result.warnings)  # the German language set was skipped, and said so


def test_tbx_v3_and_iate_statuses():
    result = import_tbx(TBX_V3.encode(), "iate.tbx", LANGS)
    atmp, wp = result.entries
    assert atmp.forms["fr"] == ("médicament de thérapie innovante",)
    assert atmp.forbidden == {"en": ("advanced therapy medical product",)}
    assert wp.forbidden == {"en": ("workpackage",)}
    assert "fr" not in wp.forms


def test_tbx_with_an_internal_dtd_subset_or_entities_is_refused():
    with pytest.raises(GlossaryError, match="DOCTYPE") as caught:
        import_tbx(BOMB.encode(), "evil.tbx", LANGS)
    assert caught.value.line == 2


def test_a_doctype_that_only_names_a_dtd_is_read_and_the_dtd_never_fetched():
    # CAT tools write `<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">`; nothing is loaded from it.
    cat_tool = TBX_BASIC.replace('<?xml version="1.0" encoding="UTF-8"?>',
                                 '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">')
    assert cat_tool != TBX_BASIC
    assert [e.id for e in import_tbx(cat_tool.encode(), "cat.tbx", LANGS).entries][:1] == ["c-pit"]
    # A system id pointing at a local file: nothing is read from it, the (empty) body is all there is.
    assert import_tbx(EXTERNAL.encode(), "external.tbx", LANGS).entries == []


@pytest.mark.parametrize(
    "document, reason",
    [("<martif><text>", "invalid XML"), ("<glossary/>", "not a TBX file")],
)
def test_broken_or_foreign_xml_is_refused(document, reason):
    with pytest.raises(GlossaryError, match=reason):
        import_tbx(document.encode(), "bad.tbx", LANGS)


def test_csv_columns_languages_forbidden_and_multiple_forms():
    text = (
        "id;Dutch;fr-BE;en;en forbidden;note\n"
        "pit;Technologisch Innovatiepartnerschap;Partenariat d'Innovation Technologique;"
        "Technological Innovation Partnership;Technology Innovation Partnership;Walloon instrument\n"
        ";werkpakket;lot de travail|lot;work package;;\n"
        "\n"
        "biowin;BioWin;BioWin;BioWin;;\n"
    )
    result = import_csv(text, "terms.csv", LANGS)
    pit, wp, biowin = result.entries
    assert pit.forbidden == {"en": ("Technology Innovation Partnership",)} and pit.note == "Walloon instrument"
    assert (wp.id, wp.forms["fr"]) == ("werkpakket", ("lot de travail", "lot"))
    assert biowin.case_sensitive
    assert (pit.line, wp.line, biowin.line) == (2, 3, 5)


def test_csv_without_language_column_is_refused():
    with pytest.raises(GlossaryError, match="no language column"):
        import_csv("term,definition\nx,y\n", "bad.csv", LANGS)


@pytest.mark.parametrize("name, content", [("pit.tbx", TBX_BASIC), ("iate.tbx", TBX_V3)])
def test_import_command_round_trips_through_the_loader(tmp_path, name, content):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    output = tmp_path / "glossaries" / "imported.yaml"
    result = run("import", str(source), "-o", str(output), "--languages", "nl,fr,en")
    assert result.exit_code == 0, result.output
    imported = import_tbx(content.encode(), name, LANGS).entries
    loaded = load_glossaries([output], LANGS).entries
    assert [(e.id, dict(e.forms), dict(e.forbidden), e.case_sensitive, e.note) for e in loaded] == [
        (e.id, dict(e.forms), dict(e.forbidden), e.case_sensitive, e.note) for e in imported
    ]


def test_import_command_csv_to_stdout(tmp_path):
    source = tmp_path / "terms.csv"
    source.write_text("nl,fr,en\nwerkpakket,lot de travail,work package\n", encoding="utf-8")
    result = run("import", str(source), "--languages", "nl,fr,en")
    assert result.exit_code == 0
    assert "  - id: werkpakket\n    nl: werkpakket\n    fr: lot de travail\n    en: work package\n" in result.output


def test_import_command_refuses_a_bomb_with_exit_2(tmp_path):
    source = tmp_path / "evil.tbx"
    source.write_text(BOMB, encoding="utf-8")
    result = CliRunner().invoke(glossary_group, ["import", str(source), "--languages", "nl,fr,en"])
    assert result.exit_code == 2
    assert "DOCTYPE" in result.output


def test_import_command_does_not_overwrite_without_force(tmp_path):
    source = tmp_path / "terms.csv"
    source.write_text("nl,fr,en\nwerkpakket,lot de travail,work package\n", encoding="utf-8")
    output = tmp_path / "out.yaml"
    output.write_text("terms: []\n")
    result = CliRunner().invoke(glossary_group, ["import", str(source), "-o", str(output), "--languages", "nl,fr,en"])
    assert result.exit_code == 2 and output.read_text() == "terms: []\n"


TBX_V3_DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="cagr">
      <langSec xml:lang="fr">
        <termSec><term>taux de croissance annuel composé</term>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
        <termSec><term>TCAC</term><basic:termType>acronym</basic:termType></termSec>
        <termSec><term>taux de croissance annuel moyen composé</term>
          <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
      </langSec>
      <langSec xml:lang="en"><termSec><term>compound annual growth rate</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_v3_dct_style_namespaced_data_categories():
    (cagr,) = import_tbx(TBX_V3_DCT.encode(), "dct.tbx", LANGS).entries
    assert cagr.forms["fr"] == ("taux de croissance annuel composé", "TCAC")
    assert cagr.forbidden == {"fr": ("taux de croissance annuel moyen composé",)}
    assert not cagr.case_sensitive  # full forms among the terms: case-insensitive


def test_csv_with_tabs_and_a_bom(tmp_path):
    source = tmp_path / "terms.tsv"
    source.write_text("\ufeffnl\tfr\ten\twerkpakket\tlot de travail\twork package\n".replace("\tw", "\nw", 1),
                      encoding="utf-8")
    result = run("import", str(source), "--languages", "nl,fr,en")
    assert result.exit_code == 0, result.output
    assert "    fr: lot de travail\n" in result.output
