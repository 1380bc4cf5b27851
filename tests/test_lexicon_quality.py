"""Breadth, balance and context rules of the shipped lexicons (the lexicon issue)."""
import csv
from collections import Counter
from pathlib import Path

import pytest

from framing.lexicon import load_lexicon
from framing.lint import entry_key
from framing.pipeline import default_analyzer

LEX = Path(__file__).resolve().parent.parent / "lexicons"


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def distinct(lex, kind):
    return {entry_key(e.term, e.match) for e in lex.entries if e.kind == kind}


def test_breadth(lex):
    loaded_categories = Counter(e.category for e in lex.entries if e.kind == "loaded")
    assert len(distinct(lex, "loaded")) >= 1500
    assert len([c for c, n in loaded_categories.items() if n >= 50]) >= 8
    assert len(distinct(lex, "hedge")) >= 150
    assert len(distinct(lex, "weasel")) >= 80
    assert len(distinct(lex, "booster")) >= 60
    assert len(distinct(lex, "attribution_verb")) >= 120
    stances = Counter(e.category for e in lex.entries if e.kind == "attribution_verb")
    assert set(stances) == {"neutral", "endorsing", "distancing"}


def test_every_category_is_defined_and_every_entry_explained(lex):
    for e in lex.entries:
        assert lex.category(e.kind, e.category), e.origin
        assert e.note and len(e.note) < 200, e.origin
        assert e.source in lex.sources, e.origin


def loaded_weight(text, term):
    report = default_analyzer().score_text(text, syntax="plain")
    hits = [f for f in report.findings if f.kind == "loaded" and term.lower() in f.text.lower()]
    return max((f.weight for f in hits), default=None)


def balance_rows():
    with open(LEX / "balance_pairs.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_balance_pairs_are_both_covered_alike():
    rows = balance_rows()
    assert len(rows) >= 40
    debates = {r["debate"] for r in rows}
    assert len(debates) >= 10
    for r in rows:
        a, b = r["side_a_term"], r["side_b_term"]
        wa = loaded_weight(f"They talked about {a}.", a)
        wb = loaded_weight(f"They talked about {b}.", b)
        assert wa is not None, f"{r['debate']}: {a!r} is not flagged"
        assert wb is not None, f"{r['debate']}: {b!r} is not flagged"
        assert abs(wa - wb) <= 0.4, f"{r['debate']}: {a!r} {wa} vs {b!r} {wb}"


@pytest.mark.parametrize(
    "text, term, flagged",
    [
        # negation is recorded and weighs less; it is not dropped
        ("Officials said it was a massacre.", "massacre", True),
        ("Officials said it was not a massacre.", "massacre", True),
        # proper names and fixed expressions do not fire
        ("Fighters of the Islamic State took the town.", "Islamic State", False),
        ("Veterans of Operation Iraqi Freedom marched.", "Freedom", False),
        ("The Freedom Party won seats.", "Freedom", False),
        ("The Black Death killed millions.", "Death", False),
        # word sense
        ("She follows a strict dietary regime.", "regime", False),
        ("The regime jailed its critics.", "regime", True),
        ("The total number of votes rose.", "total", False),
        ("It was a total disaster.", "total", True),
        ("Skin cleansing products sold well.", "cleansing", False),
        ("They called it ethnic cleansing.", "ethnic cleansing", True),
        ("The team's attack looked sharp in the second half.", "attack", False),
        ("The weather was fine and the fine was paid.", "fine", False),
    ],
)
def test_context_rules(text, term, flagged):
    assert (loaded_weight(text, term) is not None) == flagged


@pytest.mark.parametrize(
    "text, term, flagged",
    [
        # 2026.11.3: plain senses of words that stay flagged (test sentences written for framing)
        ("Illegal immigration rose at the southern border last spring.", "illegal immigration", False),
        ("Agents detained an illegal immigrant at the station.", "illegal immigrant", True),
        ("New locks keep criminals out of the building.", "criminal", False),
        ("Officials called the long delay criminal neglect.", "criminal", True),
        ("Police found explosives in the van.", "explosive", False),
        ("The paper ran an explosive report on the deal.", "explosive", True),
        ("Police answered a reported disturbance at a bar.", "disturb", False),
        ("He said the noise disturbed his sleep.", "disturb", False),
        ("She found the film deeply disturbing.", "disturbing", True),
        ("At that point in history, few people could read.", "in history", False),
        ("It was the biggest fraud in history.", "in history", True),
        ("The clerk said it was an innocent mistake.", "innocent", False),
        ("The shelling killed innocent families.", "innocent", True),
        ("The communist Chinese government signed the deal.", "communist", False),
        ("The fascist Italian state built new roads.", "fascist", False),
        ("She stayed home with a sore throat.", "sore", False),
        ("The team sorely missed its captain.", "sorely", True),
        ("Two of the hijackers had trained as pilots.", "hijack", False),
        ("Activists hijacked the town meeting.", "hijack", True),
        ("The patient began coughing up blood.", "cough", False),
        ("Taxpayers had to cough up the money.", "cough up", True),
        ("Satellites measure the stratospheric ozone layer.", "stratospheric", False),
        ("The prophets were thrown into a fiery furnace.", "fiery", False),
        ("The senator gave a fiery speech.", "fiery", True),
        ("He collected garbage for the city for years.", "garbage", False),
        ("Her answer was that the claim is garbage.", "garbage", True),
        ("Volcanic eruptions cooled the planet.", "erupt", False),
        ("Protests erupted across the country.", "erupt", True),
        ("The senator has done oversight work on the agency.", "oversight", False),
        ("The missing form was an oversight.", "oversight", True),
        ("The firm made corrupt payments to officials abroad.", "corrupt", False),
        ("Voters threw out a corrupt mayor.", "corrupt", True),
        # 2026.11.3: words added because they are loaded in any context
        ("The guard was caught red-handed.", "red-handed", True),
        ("He gave a snippy reply.", "snippy", True),
        ("Only credulous readers believed it.", "credulous", True),
        ("It was a thoughtless remark.", "thoughtless", True),
        ("She campaigned relentlessly against the plan.", "relentlessly", True),
        ("They promised earthshattering news.", "earthshattering", True),
    ],
)
def test_word_sense_rules_of_2026_11_3(text, term, flagged):
    assert (loaded_weight(text, term) is not None) == flagged


@pytest.mark.parametrize(
    "text, term, flagged",
    [
        # 2026.11.4: plain senses of words that stay flagged (test sentences written for framing)
        ("Soldiers fought the communists in the hills for ten years.", "communist", False),
        ("He called the mayor a communist.", "communist", True),
        ("Partisans fought the fascists in the hills for two years.", "fascist", False),
        ("She called the senator a fascist.", "fascist", True),
        ("She was active in socialist politics as a student.", "socialist", False),
        ("The old socialists met in the back room every week.", "socialist", False),
        ("Critics called the tax plan socialist.", "socialist", True),
        ("The course covers Marxist theory and its critics.", "Marxist", False),
        ("He said the school board was run by Marxist teachers.", "Marxist", True),
        ("The sermon said that evil is part of every life.", "evil", False),
        ("Some people do evil out of fear.", "evil", False),
        ("The letter called his rivals evil men.", "evil", True),
        ("The shooting rampage lasted ten minutes.", "rampage", False),
        ("The minister went on a rampage against the press.", "rampage", True),
        ("Witnesses saw the van explode near the gate.", "explode", False),
        ("Rents could explode next year.", "explode", True),
        ("The hymn praises our Saviour and his mercy.", "saviour", False),
        ("Fans hailed the coach as the saviour of the club.", "saviour", True),
        ("He shouted obscenities at the referee.", "obscen", False),
        ("The bosses are obscenely rich.", "obscenely", True),
        ("The firm tried to appease both sides.", "appease", False),
        ("Critics called the deal appeasement.", "appeasement", True),
        ("The claim in the leaflet is uncheckable.", "uncheck", False),
        ("Crime in the city grew unchecked.", "unchecked", True),
        ("Infidelity ended their marriage.", "infidel", False),
        ("The preacher called them infidels.", "infidel", True),
        ("The pair were caught in flagrante.", "flagrant", False),
        ("It was a flagrant breach of the rules.", "flagrant", True),
        ("The army fired a barrage of artillery shells.", "barrage", False),
        ("The minister faced a barrage of questions.", "barrage", True),
        ("She was jolted awake by a loud bang.", "jolt", False),
        ("The news jolted the markets.", "jolt", True),
        ("The Vichy government ruled the south of France.", "Vichy", False),
        ("He mocked the paper as Vichy media.", "Vichy", True),
        ("The Latin phrase translated literally means open door.", "literally", False),
        ("I was literally dying of boredom.", "literally", True),
        ("He said he felt terrible about the mistake.", "terrible", False),
        ("It was a terrible decision.", "terrible", True),
        ("It makes me feel horrible, she said.", "horrible", False),
        ("Ice may hide in the shadowy craters near the pole.", "shadowy", False),
        ("A shadowy group paid for the ads.", "shadowy", True),
        ("The flood was a natural disaster.", "disaster", False),
        ("The launch was a disaster.", "disaster", True),
        ("Sharks are a predator species in these waters.", "predator", False),
        ("The coach was a predator who abused his players.", "predator", True),
        ("He died of a massive heart attack.", "massive", False),
        ("The plan was a massive failure.", "massive", True),
        ("Income is a rough proxy for health in this survey.", "proxy", False),
        ("The militia acts as a proxy of Tehran.", "proxy", True),
        ("The verse says they were grieved by the news.", "griev", False),
        ("Reporters crowded round the grieving widow.", "grieving", True),
        ("Doctors measured an explosive increase in cases.", "explosive", False),
        ("The paper ran an explosive story on the deal.", "explosive", True),
        ("She called for a radical critique of the method.", "radical", False),
        ("He was a radical preacher.", "radical", True),
        ("Officers were charged over the reckless storage of firearms.", "reckless", False),
        ("It was a reckless gamble.", "reckless", True),
        ("The monks showed heroic virtue all their lives.", "heroic", False),
        ("The firefighters made a heroic rescue.", "heroic", True),
        ("Thieves took precious works of art from the museum.", "precious", False),
        ("We are losing precious time.", "precious", True),
        ("Reporters read the State Department's latest document dump.", "dump", False),
        ("The party will dump its leader after the vote.", "dump", True),
        ("The sermon warned against the evil.", "evil", False),
        ("The evil regime jailed its critics.", "evil", True),
        ("The tax rules are befuddling even to experts.", "befuddl", False),
        ("A befuddled minister could not answer.", "befuddled", True),
        ("Calvin taught the total depravity of man.", "deprav", False),
        ("The judge called the crime depraved.", "depraved", True),
        # 2026.11.4: words added because they are loaded in any context
        ("The court called the ruling an injustice.", "injustice", True),
        ("The leaders offered little beyond chest-thumping.", "chest-thumping", True),
        ("The board bent over backwards to help them.", "bent over backwards", True),
        ("Congress chose to kick the can down the road again.", "kick the can", True),
        ("The bishop warned of the forces of darkness.", "forces of darkness", True),
        ("The new partner was a wolf in sheep's clothing.", "wolf in", True),
        ("The cause of the fire remains shrouded in mystery.", "shrouded", True),
    ],
)
def test_word_sense_rules_of_2026_11_4(text, term, flagged):
    assert (loaded_weight(text, term) is not None) == flagged


def test_negated_finding_is_marked_and_weighs_less():
    plain = default_analyzer().score_text("Officials said it was a massacre.", syntax="plain")
    negated = default_analyzer().score_text("Officials denied it was a massacre.", syntax="plain")
    (a,) = [f for f in plain.findings if f.text == "massacre"]
    (b,) = [f for f in negated.findings if f.text == "massacre"]
    assert not a.negated and b.negated and b.weight < a.weight and "Negated" in b.reason


def test_scare_quotes_and_so_called_are_recorded_on_the_word():
    report = default_analyzer().score_text("The so-called regime sent its “thugs” again.", syntax="plain")
    marked = {f.text: f for f in report.findings if f.kind == "loaded"}
    assert marked["regime"].scare_quoted and marked["thugs"].scare_quoted
    assert marked["thugs"].voice == "author"


@pytest.mark.parametrize(
    "text, verb, flagged",
    [
        ("Analysts predicted a fall in prices.", "predicted", True),
        ("The result was utterly predictable.", "predictable", False),
        ("The minister confirmed the plan.", "confirmed", True),
        ("The booking is confirmable online.", "confirmable", False),
        ("She admitted the error.", "admitted", True),
        ("The evidence was not admissible.", "admissible", False),
    ],
)
def test_reporting_verbs_match_verb_forms_only(text, verb, flagged):
    """Reporting verbs match their inflections, not adjectives that share a stem."""
    found = {f.text for f in default_analyzer().score_text(f"# Note\n\n{text}").findings if f.kind == "attribution_verb"}
    assert (verb in found) == flagged


def test_negation_does_not_reach_across_a_comma():
    """"had not been replaced, according to a report": the hedge is not negated."""
    r = default_analyzer().score_text("The valve had not been replaced, according to a preliminary report.", syntax="plain")
    (hedge,) = [f for f in r.findings if f.kind == "hedge" and f.text.startswith("according to")]
    assert not hedge.negated
    r = default_analyzer().score_text("It was not a “massacre”, the minister said.", syntax="plain")
    assert [f.negated for f in r.findings if f.text == "massacre"] == [True]


@pytest.mark.parametrize(
    "text, term, flagged",
    [
        # 2026.11.5: words added because they are loaded in most news uses (test sentences written
        # for framing, not taken from BABE), and the plain senses their context rules leave out
        ("The leaflet was nothing but propaganda.", "propaganda", True),
        ("The mayor lied about the budget.", "lied", True),
        ("He keeps lying to voters.", "lying", True),
        ("The campaign spread lies about the vote.", "lies", True),
        ("Hard times lie ahead for farmers.", "lie", False),
        ("The village lies in a quiet valley.", "lies", False),
        ("The blame lies with the board.", "lies", False),
        ("She wanted to lie down after the race.", "lie", False),
        ("He failed a lie detector test.", "lie", False),
        ("Three bodies were lying on the road.", "lying", False),
        ("The answer lies largely in the hands of farmers.", "lies", False),
        ("Old phones are often left lying around at home.", "lying", False),
        ("The factory will lay off 300 workers.", "lay", False),
        ("The report lays out a plan for the port.", "lays", False),
        ("The speech was full of bigotry.", "bigotry", True),
        ("He is a divisive figure in the party.", "divisive", True),
        ("Long division is taught in the third year.", "division", False),
        ("The ignorant voters believed him.", "ignorant", True),
        ("Most buyers were ignorant of the risks.", "ignorant", False),
        ("The column mocked his ignorance.", "ignorance", True),
        ("Ignorance of the law is no excuse in court.", "ignorance", False),
        ("Staff ignored the warning.", "ignor", False),
        ("The group is driven by hatred.", "hatred", True),
        ("The two firms formed an unholy alliance.", "unholy", True),
        ("Critics called the governor anti-science.", "anti-science", True),
        ("The essay blamed a culture of victimhood.", "victimhood", True),
        ("Vaccine truthers gathered outside the clinic.", "truthers", True),
        ("The report exposes the myth that tax cuts pay for themselves.", "myth", True),
        ("The class read a Greek myth about a flood.", "myth", False),
        ("The senator's obsession with the wall cost the party votes.", "obsession", True),
        ("It was a dumb idea.", "dumb", True),
        ("They won by dumb luck.", "dumb", False),
        ("The show was a lame attempt at satire.", "lame", True),
        ("The president is now a lame duck.", "lame", False),
        ("The new rules are useless.", "useless", True),
        ("The firm filed a frivolous lawsuit.", "frivolous", True),
        ("The general gave a bellicose speech.", "bellicose", True),
        ("The war became a quagmire.", "quagmire", True),
        ("He gave a rambling answer to the question.", "rambling", True),
        ("They bought a rambling house by the sea.", "rambling", False),
        ("Local ramblers walked the coastal path.", "rambl", False),
        ("The minister called the report bullshit.", "bullshit", True),
        ("The new phone is crap.", "crap", True),
        ("He lost his savings at the craps table.", "crap", False),
        ("The decision was about his ego, not the country.", "ego", True),
        ("The singer performed as her alter ego.", "ego", False),
        ("An online troll posted the photos.", "troll", True),
        ("The columnist was a cheerleader for the war.", "cheerleader", True),
        ("The high school cheerleader won a scholarship.", "cheerleader", False),
        ("A cheerleader squad performed at half-time.", "cheerleader", False),
        ("The charity was a grift from the start.", "grift", True),
        ("He called the landlord a bastard.", "bastard", True),
        ("The ghouls on the board cut the pensions.", "ghoul", True),
        ("The aide concocted a story about the meeting.", "concocted", True),
        ("The debate descended into buffoonery.", "buffoonery", True),
        ("Senators bloviated for hours.", "bloviated", True),
        ("The clinic sold quackery to the sick.", "quackery", True),
        ("The coach made sexist remarks.", "sexist", True),
        ("The post was plainly misogynistic.", "misogynistic", True),
        ("The club banned fans for homophobic chanting.", "homophobic", True),
        ("The cruelty of the policy shocked the reader.", "cruelty", True),
        ("The farmer was charged with animal cruelty.", "cruelty", False),
        ("The bill keeps the existing cruelty offences.", "cruelty", False),
        ("They cut the budget under the guise of reform.", "under the guise of", True),
        ("The rival's machinations cost him the job.", "machinations", True),
        ("The plan rests on magical thinking.", "magical thinking", True),
        ("The mayor coddles the unions.", "coddles", True),
        ("She served coddled eggs for breakfast.", "coddl", False),
        ("The senator pandered to his donors.", "pandered", True),
        ("The ad was accused of fearmongering.", "fearmongering", True),
        ("The official was gaslighting the public.", "gaslighting", True),
        ("The statement was tone-deaf.", "tone-deaf", True),
        ("The vote was delayed by procedural shenanigans.", "shenanigans", True),
        ("The hearing was full of histrionics.", "histrionics", True),
        ("Her reply was melodramatic.", "melodramatic", True),
        ("Our tech overlords decide what we read.", "overlords", True),
        ("The party chose a milquetoast leader.", "milquetoast", True),
        ("The slapdash plan failed.", "slapdash", True),
        ("The paper gleefully reported his fall.", "gleefully", True),
        ("The offer was a bait-and-switch.", "bait-and-switch", True),
        # 2026.11.5: narrowed to the loaded sense
        ("Thousands marched against racial injustice.", "injustice", False),
        ("Jailing him without a trial was an injustice.", "injustice", True),
        ("Workers cleaned the war monuments.", "monument", False),
        ("It was a monumental error.", "monumental", True),
        ("The plan would wipe out student debt for many borrowers.", "wipe out", False),
        ("The storm could wipe out whole villages.", "wipe out", True),
    ],
)
def test_entries_of_2026_11_5(text, term, flagged):
    assert (loaded_weight(text, term) is not None) == flagged


@pytest.mark.parametrize(
    "text, term, flagged",
    [
        # 2026.11.6: forms that share a stem with the entry but are another word, and plain
        # senses (read in the BBC News corpus; test sentences written for framing)
        ("The shares fell after a short, sharp shock.", "shock", False),
        ("Flexible rates help countries cope with economic shocks.", "shock", False),
        ("The footage was shocking.", "shocking", True),
        ("Federer saved a break point in the third set.", "break point", False),
        ("Hospitals are at breaking point.", "breaking point", True),
        ("The band Prodigy topped the list.", "prodigy", False),
        ("He ate a prodigious amount of cake.", "prodigious", True),
        ("Viewers will ignore the extras.", "ignor", False),
        ("The minister was willfully ignorant of the risks.", "willfully ignorant", True),
        ("The report blamed the board's willful ignorance.", "willful ignorance", True),
        ("The mayor brought his office into disrepute.", "disrepute", False),
        ("He hired a disreputable lawyer.", "disreputable", True),
        ("A Baddeley (Harrow AC) won the race.", "harrow", False),
        ("Survivors told harrowing stories.", "harrowing", True),
        ("Crop production totalled 11 million tonnes.", "total", False),
        ("The launch was a total failure.", "total", True),
        ("The UK jobless total rose for the second month.", "total", False),
        ("The firm has total debts of $1.9bn.", "total", False),
        ("The town was left in total chaos.", "total", True),
        ("GM could be forced to buy the carmaker outright.", "outright", False),
        ("That is an outright lie.", "outright", True),
        ("Guards pulled fans out of the crush.", "crush", False),
        ("Troops crushed the protest.", "crushed", True),
        ("Schools across the UK held mock votes.", "mock", False),
        ("It is a massive multi-player online game.", "massive", False),
        ("Few people took a phonecam snap at least once a month.", "snap at", False),
        ("Straw will visit the former Nazi concentration camp.", "concentration camp", False),
        ("He likened a reporter to a concentration camp guard.", "concentration camp", True),
        ("Doom 3 was developed over four years.", "doom", False),
        ("Some 95% of claims were for natural catastrophes.", "catastroph", False),
        ("She reached the main draw as a lucky loser.", "loser", False),
        ("The festival opens with period epic Man to Man.", "epic", False),
        ("Bribing officials is criminal conduct.", "criminal", False),
        ("It was criminal what they were doing.", "criminal", True),
        # less frequent entries
        ("Hunts were still exercising hounds.", "hound", False),
        ("The press hounded him out of office.", "hounded", True),
        ("The novel is about the Holy Grail mythology.", "grail", False),
        ("Lower taxes are the holy grail for the party.", "holy grail", True),
        ("Redknapp became a cult hero at Portsmouth.", "cult", False),
        ("Redknapp became a cult hero at Portsmouth.", "hero", False),
        ("He was sentenced by a revolutionary court.", "revolutionary", False),
        ("The driver made an illegal U-turn.", "u-turn", False),
        ("The minister made a U-turn on fees.", "u-turn", True),
        ("Blisters were a factor in her defeat.", "blister", False),
        ("He launched a blistering attack on the plan.", "blistering", True),
        ("The company said the deal would uplift earnings.", "uplift", False),
        ("It was an uplifting story.", "uplifting", True),
        ("Titan, a California company, pleaded guilty.", "titan", False),
        ("Documentaries and dramatisations use computer images.", "dramati", False),
        ("Prices rose dramatically.", "dramatically", True),
    ],
)
def test_entries_of_2026_11_6(text, term, flagged):
    assert (loaded_weight(text, term) is not None) == flagged


@pytest.mark.parametrize(
    "text, term, flagged",
    [
        # 2026.11.6: hedges in set phrases that hedge nothing (read in the BBC News corpus)
        ("The firm wants the deal done as soon as possible.", "possible", False),
        ("Buyers paid the highest possible price.", "possible", False),
        ("The scheme was made possible by donors.", "possible", False),
        ("Officials warned of a possible strike.", "possible", True),
        ("Ministers gave little thought to the impact on small firms.", "thought to", False),
        ("Brown is thought to have about £2bn to spare.", "thought to", True),
        ("He would much rather be out on the road.", "rather", False),
        ("The team played rather well.", "rather", True),
        ("All sorts of people make all sorts of claims.", "sort", False),
    ],
)
def test_hedges_of_2026_11_6(text, term, flagged):
    report = default_analyzer().score_text(text, syntax="plain")
    assert any(f.kind == "hedge" and term in f.text.lower() for f in report.findings) == flagged


@pytest.mark.parametrize(
    "text, verb, flagged",
    [
        # 2026.11.6: reporting verbs only where someone reports (read in the BBC News corpus)
        ("Some 95% of insurance claims were for natural disasters.", "claims", False),
        ("Initial jobless claims jumped to 367,000.", "claims", False),
        ("The firm can press claims for billions in damages.", "claims", False),
        ("Yukos claims its downfall was political.", "claims", True),
        ("The forecast may prove accurate.", "prove", False),
        ("Inflation is proving difficult to bring down.", "proving", False),
        ("The study proved that the drug works.", "proved", True),
        ("Workers were exposed to asbestos.", "exposed", False),
        ("The paper exposed the scandal.", "exposed", True),
        ("We must maintain our form.", "maintain", False),
        ("Fewer than a quarter of the blogs are regularly maintained.", "maintained", False),
        ("He maintained that he was innocent.", "maintained", True),
        ("Traders were speculating on a revaluation.", "speculating", False),
        ("Some speculate that sales will fall.", "speculate", True),
        ("The retailer issued a profit warning.", "warning", False),
        ("Economists warned that rates would rise.", "warned", True),
    ],
)
def test_reporting_verbs_of_2026_11_6(text, verb, flagged):
    report = default_analyzer().score_text(text, syntax="plain")
    assert any(f.kind == "attribution_verb" and f.text == verb for f in report.findings) == flagged


@pytest.mark.parametrize(
    "text, verb, flagged",
    [
        # 2026.11.7: reporting verbs as nouns and in other senses (read in the BBC News corpus)
        ("Domestic demand stayed weak all year.", "demand", False),
        ("The union will not bow to their demands.", "demands", False),
        ("Rugby has become a physically demanding sport.", "demanding", False),
        ("The minister demanded an apology.", "demanded", True),
        ("Campaigners demand that the inquiry be reopened.", "demand that", True),
        ("Critics say the sums do not add up.", "add", False),
        ("The new plant will add extra capacity.", "add", False),
        ("He added the company was doing well.", "added", True),
        ("\"We are confident,\" added the spokesman.", "added", True),
        ("G7 ministers backed plans to write off the debt.", "write", False),
        ("The song was written by a former DJ.", "written", False),
        ("It is a poorly written law.", "written", False),
        ("Writing in the Times, she said the plan would fail.", "Writing", True),
        ("As Paul wrote for The Post, the questions are legal ones.", "wrote", True),
        ("The minister gave a written parliamentary answer.", "answer", False),
        ("She refused to answer questions about the deal.", "answer", True),
        ("The Swiss claims third place in the relay.", "claims", False),
        ("The opposition claims the vote was rigged.", "claims", True),
    ],
)
def test_reporting_verbs_of_2026_11_7(text, verb, flagged):
    report = default_analyzer().score_text(text, syntax="plain")
    assert any(f.kind == "attribution_verb" and f.text == verb for f in report.findings) == flagged


@pytest.mark.parametrize(
    "text, flagged",
    [
        # 2026.11.7: "takeover" is loaded as a group's seizure of power, not as a company deal
        ("The $16bn takeover of AT&T was completed on Friday.", False),
        ("Shareholders opposed any takeover by Mr Glazer.", False),
        ("Takeover rumour lifts shares.", False),
        ("They warned of a communist takeover of the unions.", True),
        ("Pundits railed against a leftist takeover of the schools.", True),
        ("Pundits railed against a far-right takeover of the party.", True),
    ],
)
def test_takeover_of_2026_11_7(text, flagged):
    report = default_analyzer().score_text(text, syntax="plain")
    assert any(f.kind == "loaded" and f.text.lower().startswith("takeover") for f in report.findings) == flagged


@pytest.mark.parametrize(
    "text, found",
    [
        # 2026.11.7: the plural makes these vague; one named document is not
        ("Studies show that the drug works.", [("weasel", "Studies show")]),
        ("A new study by the institute shows that the drug works.", []),
        ("Reports say the minister will resign.", [("weasel", "Reports say")]),
        ("A report by the agency says output will fall.", []),
        ("According to reports, the deal is off.", [("hedge", "According to reports")]),
        ("According to the agency's report, the deal is off.", []),
        ("According to a recent report, the deal is off.", [("hedge", "According to a recent report")]),
        ("According to the Hollywood Reporter, the show is cancelled.", []),
        ("Sceptics say the plan will fail.", [("weasel", "Sceptics")]),
        ("Some farmers are sceptical about the plan.", []),
        ("Awards pundit Tom O'Neil picked the film.", []),
    ],
)
def test_plural_weasels_of_2026_11_7(text, found):
    report = default_analyzer().score_text(text, syntax="plain")
    assert [(f.kind, f.text) for f in report.findings if f.kind in ("weasel", "hedge")] == found
