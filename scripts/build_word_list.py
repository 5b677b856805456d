"""Rebuild the English word list that :mod:`coprod_analysis.clean.redact` ships.

Writes ``coprod_analysis/clean/data/words.tsv.gz`` (and SCOWL's licence notice
beside it). Redaction uses it to tell a word nobody's list knows ("Tsiory",
"Oyinkansola") from an English word ("Lunch", "Zoom") or a known place or brand
("Leeds", "Facebook"): an unknown capitalised word is a name where a person's
name would stand ("Tsiory was lovely", "a talk by Tsiory"), a known one is not.

Sources, none of them personal data:

- SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson; permissive licence,
  notice in ``LICENSE-scowl.txt``) as Debian packages it: ``wamerican-large``
  and ``wbritish-large`` (``/usr/share/dict/american-english-large`` and
  ``british-english-large``). Entries in lower case are English words; entries
  with a capital are proper nouns (places, brands, peoples, some names);
- the short lists below, written by this project (MIT): words of NHS
  engagement that SCOWL lacks ("wellbeing", "coproduction"), places in and
  around Leeds, and shops and charities ("Tesco", "Mencap").

Words with an apostrophe are also listed without it, as people type them
("couldnt", "dont"), and so are the letters before it ("couldn").

Each line of the output is ``word<TAB>kind`` in lower case without accents
(:func:`coprod_analysis.clean.gazetteer.fold_text`), the English words first,
each kind sorted; ``kind`` is ``english`` or ``proper``. A proper noun that
is also an English word is listed once, as ``english``. Two more kinds follow,
listing words again: ``local`` (this project's own words below: places,
shops, charities, occasions) and ``capitalised`` (English words that SCOWL
also lists with a capital, many of them given names: "Paddy", "Mick"). The loader
(:func:`coprod_analysis.clean.gazetteer.known_words`) adds the name gazetteer's
names and words: a known name is handled by the name rules, never as an unknown
word.

Usage (no network at run time)::

    apt-get install wamerican-large wbritish-large
    python scripts/build_word_list.py

The script writes the same bytes for the same inputs.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from coprod_analysis.clean.gazetteer import fold_text

OUT = Path(__file__).resolve().parents[1] / "coprod_analysis" / "clean" / "data"
DICTS = ("/usr/share/dict/american-english-large", "/usr/share/dict/british-english-large")
COPYRIGHT = "/usr/share/doc/wbritish-large/copyright"

#: Words of patient engagement and the NHS that SCOWL does not have, in lower case.
ENGLISH = """wellbeing coproduction coproduce coproduced coproducing codesign codesigned
co cos covid covid19 coronavirus webinar webinars zoom teams whatsapp facebook instagram
twitter tiktok youtube linkedin signpost signposted signposting tokenistic tokenism
carer carers healthwatch ppg ppgs pcn pcns icb icbs ccg ccgs gp gps nhs cqc pals
lived experience ehcp sen send dementia neurodiverse neurodivergent autistic adhd
asd lgbt lgbtq lgbtqia bame bme esol ict it ok okay hmm thx pls plz asap etc eg ie
wifi online offline email emails emailed emailing breakout breakouts powerpoint ppt
slido mentimeter padlet jamboard flipchart flipcharts handout handouts alot agm qipp
lol ta hun thx cya xoxo thankyou thanku thankyu thanx thnx thnks thanq tnx
belter nowt owt summat ginnel snicket mardy nesh reet gradely transformative niwtral
ppl abt tbh imo imho idk btw omg fyi ty tyvm np ur ya yep nope gonna wanna gotta kinda
sorta dunno cuz coz bc msg msgs txt txts appt appts govt dept info uni convo admin mins
hrs wk wks yr yrs pic pics vid vids defo def probs prob obvs tho thru nite pre esp
wos woz wuz waz wot wat dat da luv gud cud wud shud cudnt wudnt shudnt becos becoz
brekkie biccies bickies sarnie sarnies butty butties cuppa aircon infographic
infographics kahoot miro eventbrite
camhs iapt cmht cmhts ahp ahps nhse ooh hcp hcps lypft lchft ltht icp icps mdt mdts
""".split()

#: Food, faith and community words of Leeds events, therapies and NHS systems, that
#: SCOWL lacks: words, not people ("Good session biryani was lovely").
COMMUNITY = """roti rotis biryani biriyani dhal dal daal jalebi jalebis chaat samosa samosas
pakora pakoras bhaji bhajis naan chapati chapatis paratha halwa kheer lassi chai fufu egusi
ackee jollof plantain shawarma falafel hummus houmous kebab kebabs scran couscous tagine
injera pierogi pierogis barfi ladoo ladoos iftar langar mandir gurdwara kirtan satsang puja
jummah madrassa emdr reiki cpap bipap systmone emis nhsmail sendiass iapt mindmate
""".split()

#: Medicines people name in feedback (generic and brand names often prescribed in
#: England), that SCOWL does not all have: words, not people ("I started Sertraline").
MEDICINES = """sertraline citalopram escitalopram fluoxetine paroxetine mirtazapine
amitriptyline nortriptyline venlafaxine duloxetine trazodone vortioxetine bupropion
quetiapine olanzapine risperidone aripiprazole clozapine haloperidol lurasidone
lithium lamotrigine levetiracetam valproate sodium carbamazepine phenytoin topiramate
gabapentin pregabalin diazepam lorazepam clonazepam zopiclone zolpidem promethazine
melatonin omeprazole lansoprazole esomeprazole pantoprazole ranitidine famotidine
gaviscon metformin gliclazide sitagliptin linagliptin alogliptin empagliflozin
dapagliflozin canagliflozin liraglutide semaglutide dulaglutide tirzepatide ozempic
mounjaro wegovy saxenda insulin novorapid lantus levemir humalog tresiba atorvastatin
simvastatin rosuvastatin pravastatin ezetimibe ramipril lisinopril enalapril perindopril
amlodipine felodipine nifedipine bisoprolol atenolol propranolol metoprolol carvedilol
losartan candesartan irbesartan valsartan olmesartan furosemide bumetanide
bendroflumethiazide indapamide spironolactone eplerenone doxazosin digoxin nicorandil
isosorbide mononitrate glyceryl trinitrate warfarin apixaban rivaroxaban edoxaban
dabigatran clopidogrel ticagrelor prasugrel aspirin levothyroxine carbimazole
paracetamol ibuprofen naproxen diclofenac celecoxib codeine cocodamol co-codamol
dihydrocodeine tramadol morphine oramorph oxycodone fentanyl buprenorphine methadone
buvidal naloxone prednisolone hydrocortisone dexamethasone salbutamol ventolin
seretide symbicort fostair trimbow relvar beclometasone budesonide fluticasone
tiotropium spiriva montelukast epipen adrenaline donepezil memantine rivastigmine
galantamine levodopa co-careldopa sinemet madopar ropinirole pramipexole rasagiline
methotrexate hydroxychloroquine sulfasalazine leflunomide adalimumab humira
infliximab etanercept allopurinol febuxostat colchicine alendronate alendronic
risedronate adcal calcichew finasteride tamsulosin sildenafil tadalafil oxybutynin
solifenacin mirabegron mebeverine buscopan loperamide laxido movicol lactulose senna
docusate ondansetron metoclopramide cyclizine domperidone prochlorperazine amoxicillin
flucloxacillin clarithromycin erythromycin doxycycline nitrofurantoin trimethoprim
cefalexin co-amoxiclav metronidazole ciprofloxacin aciclovir fluconazole varenicline
champix nicotine tamoxifen letrozole anastrozole herceptin keytruda""".split()

#: Shops, charities, services and organisations in and around Leeds that people
#: name in feedback, and that SCOWL does not have.
BRANDS = """tesco asda morrisons sainsbury sainsburys aldi lidl waitrose greggs primark
boots costa nandos mencap barnardos bupa specsavers superdrug wilko argos spar
hamara touchstone barca macmillan makaton healthwatch carers mind oxfam samaritans
emmerdale eastenders hollyoaks corrie holby
scope sense shelter uber deliveroo wetherspoons chatgpt alexa netflix arriva firstbus
qualtrics surveymonkey smartsurvey jisc alchemer typeform
""".split()

#: Festivals and holy days people name when asking for dates to be avoided, and
#: the models and authors of co-production and group work that training cites.
OCCASIONS_AND_MODELS = """eid ramadan diwali vaisakhi baisakhi navratri jummah jumma
hanukkah chanukah passover pesach yom kippur rosh hashanah shabbat holi onam pongal
arnstein maslow tuckman belbin kolb honey mumford
god lord jesus christ allah christmas easter
""".split()

#: Languages people ask for interpreters, leaflets and subtitles in (the community
#: languages of Leeds among them), and services and apps they are referred to: never
#: a name ("Information in Urdu, Bengali and Sylheti", "referred by Kooth"; not those
#: that are names too: Shona, French, Parkin).
LANGUAGES_AND_SERVICES = """urdu punjabi mirpuri pahari potwari bengali bangla sylheti
gujarati hindi tamil telugu malayalam sinhala nepali arabic farsi persian dari pashto
kurdish sorani kurmanji badini tigrinya amharic oromo somali swahili lingala ndebele
yoruba igbo twi akan hausa wolof krio polish romanian slovak czech lithuanian latvian
hungarian bulgarian russian ukrainian albanian kosovan portuguese spanish italian
cantonese mandarin hakka vietnamese thai tagalog bsl
kooth mindwell mindmate zest headspace otago""".split()

#: Places in and around Leeds (and nearby towns) that people name in feedback,
#: in lower case: places, not people.
PLACES = """leeds armley beeston bramley chapeltown harehills headingley seacroft gipton
holbeck hunslet kirkstall meanwood moortown roundhay horsforth pudsey morley otley wetherby
garforth rothwell guiseley yeadon burmantofts killingbeck crossgates halton middleton
osmondthorpe wortley farsley calverley rawdon alwoodley adel cookridge woodhouse burley
whinmoor swarcliffe kippax methley drighlington gildersome ardsley tingley rodley
stanningley allerton boston spa belle isle lincoln green holt park hyde richmond temple
newsam wakefield bradford harrogate huddersfield halifax dewsbury batley keighley
castleford pontefract selby york kirklees calderdale shipley bingley ilkley normanton
featherstone ossett knaresborough ripon tadcaster skipton sheffield manchester liverpool
newcastle birmingham london yorkshire humber pennines
swillington churwell bywater micklefield barwick scholes thorner shadwell bardsey collingham
lofthouse oulton woodlesford mickletown hawksworth arthington bramhope harewood wike ledsham
ledston tinshill lawnswood weetwood sheepscar mabgate fearnville oakwood gledhow scarcroft
manston colton austhorpe whitkirk stourton cottingley birkenshaw fulneck troydale swinnow
menston wharfedale becklin farnley cross gates
""".split()


def build(dicts: list[str]) -> bytes:
    """The file's bytes from the SCOWL lists ``dicts``."""
    english: set[str] = set(ENGLISH) | set(MEDICINES) | set(COMMUNITY)
    proper: set[str] = set(PLACES) | set(BRANDS) | set(OCCASIONS_AND_MODELS) \
        | set(LANGUAGES_AND_SERVICES)
    local = {fold_text(w) for w in (*ENGLISH, *MEDICINES, *COMMUNITY, *PLACES, *BRANDS,
                                    *OCCASIONS_AND_MODELS, *LANGUAGES_AND_SERVICES)}
    capitalised: set[str] = set()  # every word SCOWL lists with a capital
    for path in dicts:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if word.endswith("'s"):
                word = word[:-2]
            if not word or not word.replace("'", "").replace("-", "").isalpha():
                continue
            found = english if word.islower() else proper
            found.add(fold_text(word.lower()))
            if not word.islower():
                capitalised.add(fold_text(word.lower()))
            if "'" in word:  # as people type it without: "couldnt", "dont", "ive"; and the
                # letters before the apostrophe, a run of letters of its own ("couldn")
                found.add(fold_text(word.lower().replace("'", "")))
                found.add(fold_text(word.lower().partition("'")[0]))
    proper -= english
    rows = [f"{w}\tenglish" for w in sorted(english)] + [f"{w}\tproper" for w in sorted(proper)]
    # and again: the project's own words (places, shops, charities, occasions: never a
    # name after "thanks"), and the English words SCOWL also lists with a capital,
    # many of them given names ("Paddy", "Mick", "Kris": a name after "thanks")
    rows += [f"{w}\tlocal" for w in sorted(local)]
    rows += [f"{w}\tcapitalised" for w in sorted(capitalised & english - local)]
    text = "word\tkind\n" + "\n".join(rows) + "\n"  # the English words first
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", action="append", default=None,
                        help="a SCOWL word list (default: the two large Debian ones)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    dicts = args.dict or list(DICTS)
    missing = [d for d in dicts if not Path(d).is_file()]
    if missing:
        print(f"not found: {', '.join(missing)} (apt-get install wamerican-large "
              "wbritish-large)", file=sys.stderr)
        return 1
    data = build(dicts)
    (args.out / "words.tsv.gz").write_bytes(data)
    notice = Path(COPYRIGHT)
    if notice.is_file():
        (args.out / "LICENSE-scowl.txt").write_text(notice.read_text(encoding="utf-8"),
                                                    encoding="utf-8")
    print(f"wrote {args.out / 'words.tsv.gz'}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
