"""Rebuild the name gazetteer that :mod:`coprod_analysis.clean.redact` ships.

Writes ``coprod_analysis/clean/data/names.tsv.gz`` (and the Faker licence notice
beside it) from three sources, none of them personal data:

- the US Census Bureau's 1990 name frequency lists (public domain), as shipped
  in the PyPI package ``names`` (MIT): the most common given names and surnames;
- the per-locale given-name and surname lists of the PyPI package ``Faker``
  (MIT licence): en_GB (from ONS name tables), en_IE, ga_IE, en_IN, en_PK,
  en_NG, yo_NG, ig_NG, ha_NG, tw_GH, en_KE, sw, pl_PL, ro_RO, lt_LT, lv_LV,
  sk_SK, cs_CZ, hu_HU, pt_PT, it_IT, es_ES, fr_FR, tr_TR, de_DE, zu_ZA;
- the short lists written into this script (short forms such as "Rob"; South
  Asian and West African given names; Welsh,
  Somali, Bangladeshi, Chinese and Arabic names as written in English), by the
  project, under its MIT licence.

Each name gets a ``word`` class, so that names that are also English words are
redacted only where the context says they are names:

``common``  one of the ~1,000 most frequent English words (Faker's en_US lorem
            list) or a word from this script's ``COMMON_NAME_WORDS`` ("Will",
            "May", "Hope", "Grace", "Long", "Hall" ...);
``dict``    a lower-case word of the SCOWL English word list
            (``/usr/share/dict/words``, Debian package ``wamerican``;
            permissive licence) such as "Jack", "Tom", "Lee";
``-``       not an English word.

Usage (no network at run time; the packages are downloaded once, not installed)::

    pip download --no-deps -d /tmp/x faker names
    python scripts/build_name_gazetteer.py --faker /tmp/x/faker-*.whl --names /tmp/x/names-*.tar.gz
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import re
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "coprod_analysis" / "clean" / "data"

#: How many of each census list to take (by frequency rank).
CENSUS_GIVEN_FEMALE = 800
CENSUS_GIVEN_MALE = 500
CENSUS_SURNAMES = 2500

#: Faker locales: (locale, take given names, take surnames, at most N of each). Faker's
#: lists are mostly alphabetical, not by frequency, so each is taken whole.
FAKER_LOCALES = [
    ("en_GB", True, True, None), ("en_IE", True, True, None), ("ga_IE", True, False, None),
    ("en_IN", True, True, None), ("en_PK", True, True, None), ("en_NG", True, True, None),
    ("yo_NG", True, True, None), ("ig_NG", True, True, None), ("ha_NG", True, True, None),
    ("tw_GH", True, True, None), ("en_KE", True, True, None), ("sw", True, True, None),
    ("pl_PL", True, True, None), ("ro_RO", True, True, None), ("lt_LT", True, True, None),
    ("lv_LV", True, True, None), ("sk_SK", True, False, None), ("cs_CZ", True, True, None),
    ("hu_HU", True, True, None), ("pt_PT", True, True, None), ("it_IT", True, False, None),
    ("es_ES", True, False, None), ("fr_FR", True, False, None), ("tr_TR", True, False, None),
    ("de_DE", True, False, None), ("zu_ZA", True, False, None),
]

WELSH_GIVEN = """Rhys Dafydd Dewi Gareth Sian Siân Cerys Bethan Gwen Gwenllian Ieuan Owain Eleri
Rhiannon Aled Huw Gethin Carys Nia Ffion Alun Emyr Iwan Llinos Catrin Lowri Dylan Osian Elin
Mererid Angharad Branwen Cadi Celyn Dyfan Eirian Elis Emrys Glyn Gruffudd Gruffydd Gwion Hywel
Iestyn Ifan Llew Llŷr Macsen Mali Megan Meinir Morgan Nerys Non Rhodri Sioned Steffan Taliesin
Tegan Tomos Trystan Wyn Aeron Bryn Cai Deiniol Gwilym Heledd Ioan Lleucu Manon Tirion""".split()
WELSH_SURNAMES = """Jones Williams Davies Evans Thomas Roberts Hughes Lewis Morgan Griffiths Price
Rees Pritchard Llewellyn Llewelyn Vaughan Powell Prosser Pugh Parry Bowen Howells Jenkins Owen
Owens Phillips Probert Rowlands Watkins Gwynne Meredith Lloyd Cadwaladr Bevan Prydderch""".split()
SOMALI_GIVEN = """Abdi Abdirahman Abdullahi Ahmed Ayaan Ayan Bashir Deeqa Faadumo Farhan Fartun
Hamza Hodan Hibo Idil Ilhan Ismail Khadra Layla Liban Mahad Maryan Muna Mohamed Mukhtar Nasra
Omar Qamar Sahra Sagal Sadia Samira Suad Warsame Yasmin Yusuf Zamzam Hawa Asha Amina""".split()
SOMALI_SURNAMES = """Abdi Ahmed Ali Aden Farah Hassan Hussein Ibrahim Ismail Jama Mohamed Mohamud
Mohamoud Nur Omar Osman Warsame Yusuf Egal Duale Guled Hersi Abdullahi""".split()
BANGLADESHI_GIVEN = """Abdul Anwar Ayesha Fahima Faruk Habib Hasina Jahanara Kamal Karim Mahmud
Mizanur Monowara Nasima Nazmul Rahima Rashida Rokeya Rubina Sabina Saiful Shahana Shahid Shamima
Shapla Sultana Tahmina Rafiq Rezaul Shirin Salma Jamila Nusrat Tanvir Tasnim""".split()
BANGLADESHI_SURNAMES = """Ahmed Akhtar Alam Ali Begum Bibi Chowdhury Hossain Hussain Haque Hoque
Islam Khan Khatun Miah Mia Rahman Uddin Ullah Sarkar Talukdar Sheikh Siddique Karim Kabir Bhuiyan
Mollah Sultana""".split()
CHINESE_GIVEN = """Wei Jing Mei Ling Xin Hui Yan Fang Lei Hong Jun Tao Qing Ying Xiu""".split()
CHINESE_SURNAMES = """Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu
Guo Lin He Gao Luo Zheng Liang Xie Tang Han Feng Deng Cao Peng Xiao Cheng Yuan Lu Pan Cai Jiang
Yu Dong Tian Lam Wong Chan Cheung Leung Ng Chow Yip Tsang""".split()
ARABIC_GIVEN = """Mohammed Muhammad Mohammad Ahmed Ahmad Ali Omar Umar Yusuf Yousef Ibrahim Ismail
Khalid Hassan Hussain Hussein Hamza Bilal Tariq Zaid Zain Karim Samir Nabil Fatima Fatimah Aisha
Ayesha Khadija Maryam Mariam Zainab Noor Nour Layla Leila Amira Yasmin Hana Salma Rania Samira
Nadia Huda Iman Imran Faisal Mustafa Mostafa Osama Rashid Sami Tarek Walid Youssef Zahra Aaliyah
Amal Asma Hafsa Safiya Sumaya Nasreen Nasrin Parveen Shazia Shabana Rukhsana Qureshi
Farah Farhan Iqra Nimco Sana Sara Hiba Ruqayyah""".split()
ARABIC_SURNAMES = """Ahmed Ali Khan Hussain Hussein Hassan Rahman Malik Mahmood Mahmoud Qureshi
Siddiqui Sheikh Shaikh Akhtar Aziz Butt Chaudhry Choudhury Hussein Iqbal Javed Mirza Nawaz
Raja Rashid Saleem Shah Yousaf Zaman Bashir Mohammed Hanif Latif Riaz Sadiq Anwar Aslam""".split()
#: Cyrillic name lists of Faker, written in Latin letters as names from Ukraine,
#: Russia and Bulgaria usually are in the UK (a simple letter-by-letter table).
CYRILLIC_LOCALES = [("uk_UA", True, True), ("ru_RU", True, True), ("bg_BG", True, False)]
_CYRILLIC = {"а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye",
             "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l",
             "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
             "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
             "ю": "yu", "я": "ya", "ъ": "", "ы": "y", "э": "e", "ё": "yo", "'": ""}
#: Ukrainian spells г as h and и as y in Latin letters.
_UKRAINIAN = {**_CYRILLIC, "г": "h", "и": "y"}
#: Given names common among British South Asian (Hindu, Sikh, Gujarati, Punjabi)
#: and West African families, as written in English (Faker's lists for them are
#: short or in other scripts).
SOUTH_ASIAN_GIVEN = """Anil Sunil Rajesh Ramesh Suresh Mahesh Dinesh Naresh Vijay Sanjay Ajay
Deepak Pradeep Sandeep Manoj Ashok Kiran Sunita Anita Geeta Gita Seema Neha Pooja Ravi Rahul
Amit Sachin Nitin Vinod Pramod Hitesh Jayesh Mukesh Nilesh Paresh Rakesh Bhavesh Kalpesh
Harpreet Gurpreet Jaspreet Manpreet Manjit Balvinder Kuldip Kuldeep Rajinder Sukhwinder
Parminder Jatinder Harjit Amarjit Baljit Navdeep Simran Jasvir Gurdeep Satnam Surinder
Kamaljit Rupinder Hardeep Jaswinder Kulwant Balbir Daljit Narinder Ranjit Parveen Shanti
Usha Asha Lata Meena Rekha Nisha Rita Kamla Kamala Savita Smita Sushila Jyoti Hema Leela
Lakshmi Padma Radha Shobha Pushpa Bharti Hansa Jaya Kavita Mala Nirmala Pratibha Rani Ritu
Sapna Shilpa Sonia Swati Vandana Varsha Yogesh Bhupinder Avtar Gurmeet Inderjit Iqbal
Imran Asif Tariq Nadeem Shahid Zahid Waseem Naveed Irfan Kashif Sajid Majid Khalid Zubair
Rubina Shabnam Farzana Razia Nazia Shaheen Yasmeen Shabana Tahira Samina Naseem Azra""".split()
WEST_AFRICAN_GIVEN = """Adebayo Adewale Adeola Adeyemi Oluwaseun Olumide Oluwatobi Olufemi
Olusegun Oluwadamilare Babatunde Tunde Kemi Bukola Temitope Funmilayo Folake Yetunde Bisola
Abimbola Ayodele Ayo Damilola Femi Segun Sola Tolu Toyin Wale Yemi Chinonso Chiamaka Ngozi
Nkechi Chioma Obinna Emeka Uche Ifeoma Ikechukwu Chidi Chinedu Chukwuemeka Nnamdi Amaka
Adaeze Ebere Kelechi Nneka Obiageli Onyeka Kwame Kofi Kwabena Kwaku Kwasi Kojo Yaw Ama
Akosua Abena Adwoa Afua Akua Efua Esi Yaa Kojo Fiifi Ekow Nana Mensah Osei Boateng Owusu
Asante Agyeman Amoah Appiah Bello Danjuma Fatou Aminata Mariama Awa Moussa Mamadou Ousmane
Ibrahima Abdoulaye""".split()
#: Given names that are English words (virtue names), common in Southern and West
#: Africa and the Caribbean; each is also in ``COMMON_NAME_WORDS``, so that it is
#: redacted only where the context says a person is meant ("Gift Moyo", "with Gift").
VIRTUE_GIVEN = """Gift Precious Favour Memory Loveness Godswill Prosper Wisdom
Marvellous Fortune Blessing Patience Mercy Comfort Charity Lucky Innocent Peace Joy Faith
Hope Grace Justice Praise""".split()
#: Given names that are also English words or places' names ("Poppy Jones", "Paris
#: Smith", "Destiny Walker"); each is also a common word (see ``build``), so that it is
#: redacted only where the context says a person is meant ("the Poppy Appeal" is kept).
WORD_GIVEN = """Poppy Harmony Destiny Willow Honey Skye Paris Sydney Kenya Devon Prince
Princess Star King Success Rocky Blessed Happy Dale Brooke Chelsea Savannah Sierra India
Georgia Jordan Hunter Unique Royal Heaven Journey Miracle Melody Sunshine Marvel Saffron
Indigo Phoenix Dakota""".split()
#: Short forms of given names in everyday British use.
SHORT_GIVEN = """Will Rob Bob Bill Ben Sam Jo Joe Mo Kate Katie Tom Tommy Jim Jimmy Dan Danny
Steve Chris Pete Dave Mike Nick Matt Liz Lizzie Beth Sue Di Pat Mags Jen Jenny Becky Vicky Vic
Charlie Alex Andy Rich Ted Ed Eddie Fred Freddie Harry Jack Jake Josh Max Ollie Alfie Archie
Sid Stan Alf Bert Reg Ron Ken Len Les Mal Tony Jan Val Viv Bev Gill Jill Lyn Lynne Mandy Tina
Debs Nat Abi Em Ellie Millie Jess Jules Fran Ros Roz Babs Bea Dot Dotty Flo Meg Peg Polly
Raj Sunny Bal Jas Kam Mo Taz Naz Shaz Kaz Baz Gaz Daz Shaz
Cath Kath Deb Kev Steph Nic Nicky Barb Jacqui Trish Gilly Bez Kez Tez Mick Stu Bex Kels Hels
Tash Jojo Rach Gabby Izzy Issy Jaz Caz Kat""".split()
#: Names that people often write as ordinary words: redacted only where the context
#: says a person is meant.
COMMON_NAME_WORDS = """will may hope bill grace rose mark faith sunny long hall lane field reg
joy art gift blessing precious patience favour favor honour honor mercy charity prudence
constance destiny harmony summer autumn winter spring april june august january ivy holly
heather daisy lily iris poppy amber jade ruby pearl crystal dawn eve star rain river sky
sandy rusty dusty chase hunter mason taylor cook baker carter porter turner parker walker
fisher butler wood woods green white black brown gray grey young king bell hill moore
lee rich ray guy frank earl duke prince major page day
may-be west north south east shaw stone brook brooks banks marsh wells lord bishop dean
love victory unity justice noble sterling rock reed ward read best still little short
well wise hand foot parish chapel church green valley meadow dale park carol hardy
jolly merry penny patient jean cliff dick job sonny tip rocky pip ace
canal corona edit forum grit harm harsh loot mad made nail raid sad safari salami server
sever till urban grant comfort earnest angel pastor peer innocent lucky fancy sole van drew
memory loveness godswill prosper wisdom marvellous fortune justice praise
gala candy ginger toy tan wolf lavender olive violet hazel fern flora coral clay lance pier
clement mar mare non ale ante aria aura bale cord dirk divan ester eta ion lore meta nadir
said sol veer laze lope wade marine gay brandy sherry opal jewel misty melody sonata purity
immaculate basil baptist roman valentine harmony chance sage shade cash dash hero pat
victoria jordan chelsea florence sydney georgia lincoln preston chester kendal carlisle
beverley stanley washington paris india china israel kenya jersey kent devon derby
austin dallas houston phoenix madison orlando denver""".split()
#: Never a name in this project's texts (places, services, common capitalised words,
#: words of address, festivals, labels: "thanks mate", "during Ramadan", "the Patient
#: Forum", "my NINO is ...", a National Insurance number's short name).
NOT_NAMES = """leeds bradford wakefield york harrogate halifax huddersfield sheffield
manchester london england wales scotland ireland britain nhs ccg gp ppg pals carers
patient patients staff doctor nurse session sessions group groups monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september
october november december christmas easter god english british ok okay the and yes no
mate pal lad darling ramadan forum tea fair gala theres santa nino""".split()

#: Capitalised words that often follow "speak to", "thanks", "I'm" and the like but are
#: not names: listed with kind ``word`` so the context rules leave them alone.
FEEDBACK_WORDS = """everyone everybody anyone someone somebody nobody reception receptionist
mate pal lad darling ramadan guys nan nana chuck pet hon hun duck tea
admin team staff volunteers volunteer facilitator facilitators trainer trainers manager
managers organisers organiser chair secretary nurses doctors consultant consultants
pharmacist practice surgery hospital council councillor trust board committee panel forum
network partnership service services healthwatch pals ppg ccg icb gp nhs mental health
carers carer patients patient people public community communities session sessions
workshop training course meeting meetings presentation presenter speaker speakers all
both thanks thank hello hi dear regards cheers best wishes kind many lots great good
excellent brilliant lovely amazing fantastic wonderful helpful useful interesting
really very so too also just still not never always please sorry okay ok yes no maybe
deaf disabled autistic blind retired unemployed british english welsh irish scottish
asian african caribbean polish muslim christian jewish hindu sikh""".split()
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'\u2019-]+")


def _clean(name: str) -> str | None:
    """The name in title case, or None if it is not one Latin-script word of 2+ letters."""
    name = unicodedata.normalize("NFC", name.strip())
    if not _LATIN.fullmatch(name) or len(name) < 2 or not name[0].isalpha():
        return None
    word = name.lower()
    parts = re.split(r"([-'\u2019])", word)
    return "".join(p.capitalize() for p in parts)


def _census(names_sdist: Path) -> tuple[list[str], list[str]]:
    with tarfile.open(names_sdist) as tar:
        def read(suffix: str, limit: int) -> list[str]:
            member = next(m for m in tar.getmembers() if m.name.endswith(suffix))
            lines = tar.extractfile(member).read().decode("ascii").splitlines()
            return [line.split()[0] for line in lines[:limit] if line.strip()]
        given = read("dist.female.first", CENSUS_GIVEN_FEMALE) + read(
            "dist.male.first", CENSUS_GIVEN_MALE)
        return given, read("dist.all.last", CENSUS_SURNAMES)


def _faker(wheel: Path, folder: Path) -> tuple[list[str], list[str], str]:
    with zipfile.ZipFile(wheel) as z:
        z.extractall(folder)
    sys.path.insert(0, str(folder))
    licence = next(folder.glob("faker-*.dist-info/licenses/LICENSE*"), None) or next(
        folder.glob("faker-*.dist-info/LICENSE*"))
    given: list[str] = []
    surnames: list[str] = []
    for locale, take_given, take_surnames, limit in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        if take_given:
            given += list(getattr(provider, "first_names", ()))[:limit]
        if take_surnames:
            last = list(getattr(provider, "last_names", ()))
            for extra in ("unisex_last_names", "male_last_names"):
                last += list(getattr(provider, extra, ()))
            surnames += last[:limit]
    for locale, take_given, take_surnames in CYRILLIC_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        table = _UKRAINIAN if locale == "uk_UA" else _CYRILLIC

        def latin(name: str, table: dict = table) -> str:
            return "".join(table.get(c, c) for c in name.lower())
        if take_given:
            given += [latin(n) for n in getattr(provider, "first_names", ())]
        if take_surnames:
            surnames += [latin(n) for n in getattr(provider, "last_names", ())]
    return given, surnames, licence.read_text(encoding="utf-8")


def build(faker_wheel: Path, names_sdist: Path, words: Path, out: Path = OUT) -> dict:
    """Write ``names.tsv.gz`` and ``LICENSE-faker.txt``; return counts."""
    census_given, census_surnames = _census(names_sdist)
    with tempfile.TemporaryDirectory() as folder:
        faker_given, faker_surnames, licence = _faker(faker_wheel, Path(folder))
    given_raw = (census_given + faker_given + SHORT_GIVEN + SOUTH_ASIAN_GIVEN
                 + WEST_AFRICAN_GIVEN + WELSH_GIVEN + SOMALI_GIVEN
                 + BANGLADESHI_GIVEN + ARABIC_GIVEN + CHINESE_GIVEN + VIRTUE_GIVEN
                 + WORD_GIVEN)
    surname_raw = (census_surnames + faker_surnames + WELSH_SURNAMES + SOMALI_SURNAMES
                   + BANGLADESHI_SURNAMES + ARABIC_SURNAMES + CHINESE_SURNAMES)
    common = {w.lower() for w in COMMON_NAME_WORDS + WORD_GIVEN}
    common |= set(importlib.import_module("faker.providers.lorem.en_US").Provider.word_list)
    lower_words = {w for w in words.read_text(encoding="utf-8").split() if w.islower()}
    not_names = set(NOT_NAMES)
    kinds: dict[str, set[str]] = {}
    for kind, raw in (("given", given_raw), ("surname", surname_raw)):
        for name in raw:
            clean = _clean(name)
            if clean and clean.lower() not in not_names:
                kinds.setdefault(clean, set()).add(kind)
    for word in sorted(common | {w.lower() for w in FEEDBACK_WORDS}):
        clean = _clean(word)
        if clean and clean not in kinds:
            kinds[clean] = {"word"}
    lines = ["name\tkind\tword"]
    for name in sorted(kinds):
        kind = "both" if len(kinds[name]) == 2 else next(iter(kinds[name]))
        key = name.lower()
        word = ("common" if key in common or kind == "word"
                else "dict" if key in lower_words else "-")
        lines.append(f"{name}\t{kind}\t{word}")
    out.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same lists give the same bytes.
    (out / "names.tsv.gz").write_bytes(
        gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0))
    (out / "LICENSE-faker.txt").write_text(licence, encoding="utf-8")
    return {"names": len(lines) - 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--faker", type=Path, required=True, help="Faker wheel (.whl)")
    parser.add_argument("--names", type=Path, required=True, help="names sdist (.tar.gz)")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"),
                        help="SCOWL English word list (Debian package wamerican)")
    args = parser.parse_args(argv)
    print(build(args.faker, args.names, args.words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
