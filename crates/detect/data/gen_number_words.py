#!/usr/bin/python3
"""Writes crates/detect/data/number_words.tsv: the words people use for numbers 0..99 in the
languages freelancers and clients write, for the normaliser's number reading.

Sources (all maintained, none typed by hand except where said):
- CLDR spell-out rules through ICU (Debian python3-icu): en es pt fr (and fr_BE, fr_CH) de it
  hi ru uk ar tr sw vi zh fil id ms pl fa ta ko ja th nl he kk az ro el cs hu ne am ka hy ky
  lo km my bg sr hr sk fi su (Korean, Japanese and Chinese kept as the characters
  of their digits, ten and hundred; Thai as its words for the digits, ten and hundred, which
  are written without spaces between them);
- num2words (PyPI, pinned below) for Bengali, for Amharic tens (ሃያ, አርባ) and for Turkish and Arabic variant spellings,
  the Korean zero "영", and the Japanese kana readings of 0..10 (`reading=True`), which are
  also written in katakana (the same syllables, converted);
- romanised Hindi and Bengali: the native CLDR/num2words words transliterated with
  indic-transliteration (IAST, then accent-free, then Hindi/Bengali schwa deletion), plus the
  everyday variant spellings of HAND_VARIANTS;
- Urdu in its own script and romanised Urdu have no source with spell-out rules: the words
  for 0..10 in HAND_VARIANTS are the standard Urdu spellings (as in any Urdu primer).
- Uzbek, Hausa and Yoruba, which neither source covers: COMPOSED below builds their numbers
  from the standard numerals by their grammar's rule (hand-written, marked there); Somali and
  Kinyarwanda likewise, their digits only;
- Amharic's everyday spellings of the letters it pronounces alike (ሶስት beside ICU's ሦስት),
  derived from the syllabary's Unicode order (AMHARIC_ALIKE);
- Spoken forms no source has, in HAND_VARIANTS, each with where it comes from: colloquial
  Arabic (Egyptian, Levantine, Gulf) digits and tens, the Arabic digits with the
  conjunction "و" glued before them, the colloquial Tamil digits, and the Japanese readings
  num2words does not give (れい/ぜろ/まる for 0, し, しち, く).

Each spelled number is split into words (spaces, hyphens, soft hyphens, apostrophes); a
word that spells a number alone gets that value, and the words that only occur inside
compounds get their role from the shapes of the compounds (a multiplier of ten like
Indonesian "puluh", a teen suffix like "belas", a joiner like "y", "na", "et").

Words are written folded the way the normaliser compares them: lower case, accents dropped
(NFKD without combining marks) for Latin letters; other scripts as written (NFC, lower
case). A word that is an ordinary word of another language (in one of the Debian word lists
below, or two letters or fewer) is marked `common`: it reads as a number only next to another
number word of its own language.

Run from the repository root:

    apt-get install python3-icu wamerican wspanish wfrench wngerman witalian wportuguese wbrazilian
    /usr/bin/python3 -m pip install --break-system-packages num2words==0.5.14 indic-transliteration==2.3.82
    /usr/bin/python3 crates/detect/data/gen_number_words.py

Columns of the output: lang, word, kind, value, common (1 or 0). Kinds:
digit (value 0..9), value (a word for 10..99 that is not a tens word), tens (value = tens
digit: a word for 10, 20 .. 90 a unit may follow), score (a tens word a digit multiplies:
French "quatre-vingt"), mult10 (a digit before it is multiplied by ten: "dua puluh"),
teen_suffix (a digit before it is added to ten: "tujuh belas"), teen_prefix ("labing-"),
and_tens (unit first: Arabic "wa-ishrun" after "thalatha"), hundreds (value = hundreds
digit: "trescientos", "сто"), mult100 (a digit before it counts hundreds: "hundred", "yüz"),
joiner, separator (a word said for the dash between the groups of a number), double,
triple.
"""

import os
import re
import unicodedata

import icu
import num2words
from indic_transliteration import sanscript

ICU_LANGS = ["en", "es", "pt", "fr", "de", "it", "hi", "ru", "uk", "ar", "tr", "sw", "vi",
             "zh", "fil", "id", "ms", "pl", "fa", "ta", "ko", "ja", "th", "nl", "he", "kk", "az",
             "ro", "el", "cs", "hu", "ne",
             # Ethiopic, Caucasian, Central Asian, Southeast Asian, Slavic, Finnish. Not the
             # Scandinavian languages or Afrikaans: their one-word "en", "et", "to", "tre" are
             # ordinary words of French, English and Dutch beside their numbers.
             "am", "ka", "hy", "ky", "lo", "km", "my", "bg", "sr", "hr", "sk", "fi",
             # Sundanese, beside Indonesian in West Java.
             "su"]
# Regional spell-out rules read as their language's words: Belgian and Swiss French
# ("septante", "nonante", "huitante").
ICU_REGIONAL = {"fr_BE": "fr", "fr_CH": "fr"}
NUM2WORDS_LANGS = {"bn": "bn", "tr": "tr", "ar": "ar", "id": "id", "ru": "ru", "uk": "uk",
                   "vi": "vi", "pt": "pt_BR", "pl": "pl", "fa": "fa", "ko": "ko", "am": "am"}

# Languages whose numbers are read a character at a time (digits, ten, hundred): the words
# of more than one character are their compounds.
BY_CHARACTER = {"zh", "ko", "ja"}
# Languages written without spaces between words: the reader splits their words at the
# number words inside them. Thai keeps only its words for the digits, ten and hundred (its
# compounds glue them: "สามสิบห้า").
UNSPACED = {"th", "ja", "lo", "km", "my"}

# Words for "the next digit twice / three times", which no spell-out rule has: the everyday
# words of each language (and the English loan words Indian, Filipino and Indonesian writers
# use in numbers).
DOUBLE_TRIPLE = {
    "en": (["double"], ["triple"]),
    "es": (["doble"], ["triple"]),
    "pt": (["duplo", "dupla"], ["triplo", "tripla"]),
    "fr": (["double"], ["triple"]),
    "de": (["doppel", "doppelt"], ["dreifach"]),
    "it": (["doppio", "doppia"], ["triplo", "tripla"]),
    "hi-Latn": (["double", "dabal"], ["triple", "tripal"]),
    "bn-Latn": (["double", "dabal"], ["triple"]),
    "fil": (["dobol", "doble"], ["tripol"]),
    "id": (["dobel"], ["tripel"]),
    "tr": (["cift"], []),
    "ru": (["двойная", "двойной", "две"], []),
}

# Everyday spellings the transliteration does not give (long vowels doubled, aspirates
# simplified, "sh" for the palatal sibilant), and the Urdu words. Lists of variant spellings
# as found in romanised Hindi/Urdu/Bengali writing (e.g. "ek do teen char paanch").
HAND_VARIANTS = {
    "hi-Latn": {
        0: ["shunya", "shoonya", "sunya", "sifar", "zero"], 1: ["ek", "aek"], 2: ["do", "doh"],
        3: ["teen", "tin", "tiin"], 4: ["char", "chaar", "chār"],
        5: ["panch", "paanch", "paach", "panc"], 6: ["che", "chhe", "chah", "chhah", "chhe", "chheh", "chay"],
        7: ["saat", "sat", "saath"], 8: ["aath", "aat", "ath"], 9: ["nau", "nao", "now"],
        10: ["das", "dus", "dass"],
    },
    "ur-Latn": {
        0: ["sifar", "sifr"], 1: ["aik", "ek"], 2: ["do"], 3: ["teen", "tin"], 4: ["char", "chaar"],
        5: ["paanch", "panch"], 6: ["chay", "chhe", "che"], 7: ["saat"], 8: ["aath", "aat"],
        9: ["nau", "no"], 10: ["das", "dus"],
    },
    "ur": {
        0: ["صفر"], 1: ["ایک"], 2: ["دو"], 3: ["تین"], 4: ["چار"], 5: ["پانچ"], 6: ["چھ", "چھے"],
        7: ["سات"], 8: ["آٹھ"], 9: ["نو"], 10: ["دس"],
    },
    "bn-Latn": {
        0: ["shunno", "shunyo", "sunno", "shunya"], 1: ["ek", "aek"], 2: ["dui", "dhui"],
        3: ["tin", "teen"], 4: ["char", "chaar"], 5: ["panch", "pach", "paanch"],
        6: ["chhoy", "choy", "chhay", "soy"], 7: ["sat", "saat", "shat", "shaat"], 8: ["aat", "aath", "at"],
        9: ["noy", "nay", "nou"], 10: ["dosh", "dos", "das"],
    },
    # The radio digits of Chinese (洞 0, 幺 1, 两 2, 拐 7, 勾 9), said so that each digit
    # sounds apart when a number is read out, as the PLA's and telecoms' spelling tables give
    # them. Hand-written.
    "zh": {0: ["零", "〇", "洞"], 1: ["幺", "么", "壹"], 2: ["两", "兩", "贰"], 7: ["拐"], 9: ["勾"]},
    # "pû" is how CLDR writes it; people type "pu" and the linker "ng" glued to the digit.
    "fil": {0: ["wala", "sero"]},
    "id": {0: ["kosong", "nol"]},
    "ms": {0: ["kosong", "sifar"]},
    "ar": {0: ["صفر"], 2: ["اثنان", "اثنين", "إثنين"]},
    "de": {2: ["zwo"]},
    # Everyday Hindi spellings: anusvara for chandrabindu, visarga or "e" for six.
    "hi": {5: ["पांच"], 6: ["छः", "छे"], 9: ["नो"]},
    "en": {0: ["oh", "nought"], 40: ["fourty"]},
    # The unit forms after "mươi" (21, 24, 25: "mốt", "tư", "lăm"/"nhăm"), which CLDR writes.
    "vi": {1: ["mốt"], 4: ["tư"], 5: ["lăm", "nhăm"]},
    "pt": {6: ["meia"]},
    # Colloquial Arabic as written in chat (Egyptian "تلاتة/تمانية", Levantine "تنين",
    # Gulf/Levantine "ثنين"; hamza dropped, taa marbuta written as "ه"), and the tens words in
    # the "-ين" form that colloquial Arabic uses (also the MSA genitive). Hand-written from
    # everyday usage: no maintained spell-out source has the dialects.
    "ar-colloq": {
        0: ["زيرو"], 1: ["واحده"], 2: ["اتنين", "تنين", "ثنين", "اثنان"],
        3: ["تلاتة", "تلاته", "ثلاثه"], 4: ["اربعة", "اربعه", "أربعه"],
        5: ["خمسه"], 6: ["سته"], 7: ["سبعه"], 8: ["تمانية", "تمانيه", "ثمانيه", "تمنية"],
        9: ["تسعه"],
        10: ["عشره"],
        20: ["عشرين"], 30: ["تلاتين", "ثلاثين"], 40: ["اربعين", "أربعين"], 50: ["خمسين"],
        60: ["ستين"], 70: ["سبعين"], 80: ["تمانين", "ثمانين"], 90: ["تسعين"],
    },
    # Colloquial Tamil digits (spoken forms as written in chat: ஒண்ணு, ரெண்டு, மூணு, நாலு,
    # அஞ்சு; "ஜீரோ"/"சைபர்" for zero). Hand-written from everyday usage: CLDR has only the
    # written forms.
    "ta": {0: ["ஜீரோ", "சைபர்", "பூஜ்ஜியம்"], 1: ["ஒண்ணு", "ஒன்னு"], 2: ["ரெண்டு", "இரண்டு"],
           3: ["மூணு"], 4: ["நாலு"], 5: ["அஞ்சு", "அஞ்சி"], 6: ["ஆறு"], 7: ["ஏழு"],
           8: ["எட்டு"], 9: ["ஒம்போது", "ஒன்பது"]},
    # The Japanese readings num2words leaves out (zero as "rei", "zero" and "maru", the circle
    # said in phone numbers; "shi", "shichi", "ku"), in hiragana; katakana is added below.
    # And the lengthened "にー"/"ごー" said for 2 and 5 when a phone number is read out, and
    # "きゅー", the long vowel of "きゅう" (9) written with the prolonged sound mark.
    # Hand-written from everyday usage.
    "ja": {0: ["れい", "ぜろ", "まる"], 2: ["にー", "にい"], 4: ["し"], 5: ["ごー", "ごお"],
           7: ["しち"], 9: ["く", "きゅー"]},
    # Thai often says "โท" for 2 when reading out a phone number, to keep it apart from
    # "สาม". Hand-written from everyday usage.
    "th": {2: ["โท"]},
    # Persian spoken "شیش" for six (the written "شش"), as in everyday chat. Hand-written.
    "fa": {6: ["شیش"]},
    # Greek colloquial spellings beside CLDR's (εννέα, επτά, οκτώ): εννιά, εφτά, οχτώ, as the
    # Triantafyllidis dictionary gives them. Hand-written.
    "el": {7: ["εφτά"], 8: ["οχτώ"], 9: ["εννιά"]},
    # Lao zero (CLDR's Lao rules spell it in Thai), the Burmese seven as commonly typed without
    # its medial (ခုနစ်). Hand-written.
    "lo": {0: ["ສູນ"]},
    "my": {7: ["ခုနစ်"]},
    # Sinhala and Igbo digits, which neither source has: the standard numerals of each
    # language (as in any primer), in the form used when reading out a number. Hand-written.
    "si": {0: ["බිංදුව", "බින්දුව"], 1: ["එක"], 2: ["දෙක"], 3: ["තුන"], 4: ["හතර"], 5: ["පහ"],
           6: ["හය"], 7: ["හත"], 8: ["අට"], 9: ["නවය", "නමය"]},
    # Romanised Tamil (Tanglish) digits as typed in chat, the spoken forms of the Tamil
    # words above; the Spanish-derived digits of Filipino ("sero, nuwebe, dos, siyete") said
    # in phone numbers; the Swiss German digits (Zürich forms with their everyday spellings).
    # Hand-written from everyday usage: no spell-out source has them.
    "ta-Latn": {0: ["poojyam", "pujyam", "saibar"], 1: ["onnu", "ondru"], 2: ["rendu", "irandu"],
                3: ["moonu", "munu", "moonru"], 4: ["naalu", "nalu"], 5: ["anju", "ainthu"],
                6: ["aaru"], 7: ["ezhu", "yezhu"], 8: ["ettu"],
                9: ["onbadhu", "ombodhu", "ombadhu", "onpathu", "ombathu"]},
    "fil-es": {0: ["sero", "cero"], 1: ["uno"], 2: ["dos"], 3: ["tres"], 4: ["kwatro", "cuatro"],
               5: ["singko", "cinco"], 6: ["sais", "seis"], 7: ["siyete", "syete", "siete"],
               8: ["otso", "ocho"], 9: ["nuwebe", "nueve"]},
    "gsw": {0: ["nul"], 1: ["eis", "ais"], 2: ["zwei", "zwöi", "zwoi"], 3: ["drü", "drei"],
            4: ["vier", "vierä"], 5: ["föif", "füüf", "foif"], 6: ["sächs", "sachs"],
            7: ["sibe", "siebe"], 8: ["acht", "achti"], 9: ["nüün", "nün", "nüni"]},
    "ig": {0: ["efu"], 1: ["otu"], 2: ["abuo"], 3: ["ato"], 4: ["ano"], 5: ["ise"],
           6: ["isii"], 7: ["asaa"], 8: ["asato"], 9: ["itoolu", "iteghete"]},
    # The digits of Telugu, Kannada, Malayalam, Gujarati, Punjabi (Gurmukhi) and Marathi,
    # which neither source spells out: each language's standard numerals as in any primer,
    # with the everyday zero of chat ("జీరో", "ಜೀರೋ", "സീറോ", "ઝીરો", "ਜ਼ੀਰੋ", "झिरो").
    # Hand-written.
    "te": {0: ["సున్నా", "సున్న", "జీరో"], 1: ["ఒకటి"], 2: ["రెండు"], 3: ["మూడు"],
           4: ["నాలుగు"], 5: ["ఐదు"], 6: ["ఆరు"], 7: ["ఏడు"], 8: ["ఎనిమిది"],
           9: ["తొమ్మిది"]},
    "kn": {0: ["ಸೊನ್ನೆ", "ಜೀರೋ"], 1: ["ಒಂದು"], 2: ["ಎರಡು"], 3: ["ಮೂರು"], 4: ["ನಾಲ್ಕು"],
           5: ["ಐದು"], 6: ["ಆರು"], 7: ["ಏಳು"], 8: ["ಎಂಟು"], 9: ["ಒಂಬತ್ತು"]},
    "ml": {0: ["പൂജ്യം", "സീറോ"], 1: ["ഒന്ന്"], 2: ["രണ്ട്"], 3: ["മൂന്ന്"], 4: ["നാല്"],
           5: ["അഞ്ച്"], 6: ["ആറ്"], 7: ["ഏഴ്"], 8: ["എട്ട്"], 9: ["ഒമ്പത്", "ഒൻപത്"]},
    "gu": {0: ["શૂન્ય", "ઝીરો"], 1: ["એક"], 2: ["બે"], 3: ["ત્રણ"], 4: ["ચાર"], 5: ["પાંચ"],
           6: ["છ"], 7: ["સાત"], 8: ["આઠ"], 9: ["નવ"]},
    "pa": {0: ["ਸਿਫ਼ਰ", "ਸਿਫਰ", "ਜ਼ੀਰੋ"], 1: ["ਇੱਕ", "ਇਕ"], 2: ["ਦੋ"], 3: ["ਤਿੰਨ"], 4: ["ਚਾਰ"],
           5: ["ਪੰਜ"], 6: ["ਛੇ"], 7: ["ਸੱਤ"], 8: ["ਅੱਠ"], 9: ["ਨੌਂ", "ਨੌ"]},
    "mr": {0: ["शून्य", "झिरो"], 1: ["एक"], 2: ["दोन"], 3: ["तीन"], 4: ["चार"], 5: ["पाच"],
           6: ["सहा"], 7: ["सात"], 8: ["आठ"], 9: ["नऊ"]},
}

# Languages CLDR has no spell-out rules for and num2words does not cover, composed here from
# their standard numerals by the rule of the language's grammar (hand-written, each from its
# standard orthography: Uzbek Latin script of 1995, Hausa boko spelling, Yoruba standard
# orthography; their words are in any grammar of the language):
# - Uzbek: tens then unit ("qirq uch" 43), "yuz" after the hundreds digit ("besh yuz");
#   written with the apostrophe of "o'", "g'" and the tutuq belgisi, or without it in chat.
# - Hausa: tens "da" unit ("ashirin da biyar" 25), "goma sha" unit for the teens; in the
#   plain spelling chat uses ("hudu" for "huɗu": the folded text reads the hooked letters as
#   look-alikes of other letters).
# - Yoruba: its digits (phone numbers are read digit by digit; its counting of tens is
#   subtractive and not how numbers are read out), with the tones and dots people leave out.
COMPOSED = {
    "uz": {
        "units": [["nol"], ["bir"], ["ikki"], ["uch"], ["to'rt", "tort"], ["besh"], ["olti"],
                  ["yetti"], ["sakkiz"], ["to'qqiz", "toqqiz"]],
        "tens": [None, ["o'n", "on"], ["yigirma"], ["o'ttiz", "ottiz"], ["qirq"], ["ellik"],
                 ["oltmish"], ["yetmish"], ["sakson"], ["to'qson", "toqson"]],
        "joiner": None, "teen_joiner": None, "hundred": "yuz",
    },
    "ha": {
        "units": [["sifili", "sifiri"], ["daya"], ["biyu"], ["uku"], ["hudu"], ["biyar"], ["shida"],
                  ["bakwai"], ["takwas"], ["tara"]],
        "tens": [None, ["goma"], ["ashirin"], ["talatin"], ["arba'in", "arbain"],
                 ["hamsin"], ["sittin"], ["saba'in", "sabain"], ["tamanin"],
                 ["casa'in", "casain"]],
        "joiner": "da", "teen_joiner": "sha", "hundred": None,
    },
    # Somali and Kinyarwanda: the digits only, as phone numbers are read out (their tens put
    # the unit first, joined by "iyo" and "na", which the reader's tens-first rule would
    # misread). Somali "kow" and "hal" are both one; Kinyarwanda's counting forms.
    "so": {
        "units": [["eber"], ["kow", "hal"], ["laba"], ["saddex"], ["afar"], ["shan"], ["lix"],
                  ["toddoba"], ["siddeed"], ["sagaal"]],
        "tens": [None] * 10,
        "joiner": None, "teen_joiner": None, "hundred": None,
    },
    "rw": {
        "units": [["zeru"], ["rimwe"], ["kabiri"], ["gatatu"], ["kane"], ["gatanu"],
                  ["gatandatu"], ["karindwi"], ["umunani"], ["icyenda"]],
        "tens": [None] * 10,
        "joiner": None, "teen_joiner": None, "hundred": None,
    },
    # Written as the text is folded: tones and subdots dropped ("ẹ̀fà" is "efa"), in the
    # counting form with its doubled vowel ("eefa") and without it.
    "yo": {
        "units": [["odo"], ["ookan", "okan"], ["eeji", "eji"], ["eeta", "eta"],
                  ["eerin", "erin"], ["aarun", "arun"], ["eefa", "efa"], ["eeje", "eje"],
                  ["eejo", "ejo"], ["eesan", "esan"]],
        "tens": [None, ["eewa", "ewa"]] + [None] * 8,
        "joiner": None, "teen_joiner": None, "hundred": None,
    },
}


def composed_spellings(table, variant):
    """Spellings of 0..99 (and of the hundreds when the language has a hundred word) of a
    COMPOSED language, taking each word's `variant`-th spelling (or its first)."""
    pick = lambda words: words[min(variant, len(words) - 1)]
    units, tens = table["units"], table["tens"]
    out = {}
    for n in range(100):
        t, u = divmod(n, 10)
        if t == 0:
            out[n] = pick(units[u])
        elif tens[t] is None:
            continue
        elif u == 0:
            out[n] = pick(tens[t])
        elif t == 1 and table["teen_joiner"]:
            out[n] = "%s %s %s" % (pick(tens[1]), table["teen_joiner"], pick(units[u]))
        elif table["joiner"]:
            out[n] = "%s %s %s" % (pick(tens[t]), table["joiner"], pick(units[u]))
        else:
            out[n] = "%s %s" % (pick(tens[t]), pick(units[u]))
    if table["hundred"]:
        for h in range(1, 10):
            out[h * 100] = table["hundred"] if h == 1 else "%s %s" % (pick(units[h]),
                                                                       table["hundred"])
            out[h * 100 + 16] = "%s %s" % (out[h * 100], out[16])
    return out


LANG_ORDER = ["en", "es", "pt", "fr", "de", "it", "hi-Latn", "ur-Latn", "hi", "ur", "bn-Latn",
              "bn", "fil", "ms-id", "ru", "uk", "ar", "tr", "sw", "vi", "zh", "pl", "fa", "ta",
              "ko", "ja", "th"]

# Languages whose words of 11..19 may follow a tens word ("soixante-douze" is 60 + 12;
# Georgian counts in twenties: "ოთხმოცდა-თრვამეტი" is 80 + 18).
TEEN_ADDING = {"fr", "ka"}

WORD_LISTS = {
    "en": ["/usr/share/dict/american-english"],
    "es": ["/usr/share/dict/spanish"],
    "fr": ["/usr/share/dict/french"],
    "de": ["/usr/share/dict/ngerman"],
    "it": ["/usr/share/dict/italian"],
    "pt": ["/usr/share/dict/portuguese", "/usr/share/dict/brazilian"],
}


def fold(word):
    """Lower case; Latin letters without accents, other scripts as written (NFC)."""
    word = unicodedata.normalize("NFC", word.lower())
    out = []
    for c in word:
        decomposed = unicodedata.normalize("NFKD", c)
        base = "".join(d for d in decomposed if not unicodedata.combining(d))
        if base and all(ord(b) < 128 for b in base):
            out.append(base)
        elif c in "ıđßə":
            # As the normaliser folds them (Azerbaijani "ə" reads as "a").
            out.append({"ı": "i", "đ": "d", "ß": "ss", "ə": "a"}[c])
        else:
            out.append(c)
    return "".join(out)


SPLIT = re.compile(r"[\s\-\u00AD\u200B’'ʼ]+")


def split(lang, text):
    """The words of a spelled number. Cyrillic keeps its apostrophes inside words ("п'ять"),
    as the normaliser does."""
    pattern = SPLIT_KEEPING_APOSTROPHES if lang in ("uk", "ru", "uz", "ha") else SPLIT
    return [fold(t).replace("ʼ", "'").replace("’", "'").replace("ʻ", "'").replace("‘", "'")
            for t in pattern.split(text.strip()) if t]


SPLIT_KEEPING_APOSTROPHES = re.compile(r"[\s\-\u00AD\u200B]+")


def icu_spellings(locale):
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(locale))
    return {n: formatter.format(n) for n in range(100)}


def num2words_spellings(lang):
    return {n: num2words.num2words(n, lang=lang) for n in range(100)}


def schwa_deleted(native, roman):
    """Hindi/Bengali drop the inherent vowel at the end of a word ("ek", not "eka")."""
    last = native[-1]
    name = unicodedata.name(last, "")
    if "LETTER" in name and "VOWEL" not in name and roman.endswith("a"):
        return roman[:-1]
    return roman


def romanised(native, script):
    iast = sanscript.transliterate(native, script, sanscript.IAST)
    return fold(schwa_deleted(native, iast))


def roles(lang, spellings, entries):
    """Adds to `entries` the words of `spellings` (value -> text) with their roles."""
    tokens = {n: split(lang, text) for n, text in spellings.items()}
    value_of = {}
    for n, toks in tokens.items():
        if len(toks) == 1:
            value_of.setdefault(toks[0], n)
    teen_words = {}
    extra = []
    for n, toks in tokens.items():
        known = [value_of.get(t) for t in toks]
        if len(toks) == 1:
            continue
        # "on yedi", "mười sáu", "kumi na sita": ten is a tens word a unit may follow.
        if known[0] is not None and known[0] % 10 == 0 and known[-1] is not None \
                and known[0] + known[-1] == n:
            if known[0] == 10:
                teen_words[toks[0]] = "tens"
            for t, k in zip(toks[1:-1], known[1:-1]):
                if k is None:
                    teen_words.setdefault(t, "joiner")
            continue
        # "acht en dertig", "syv og fyrre": unit, joiner, tens.
        if len(toks) == 3 and known[0] is not None and 0 < known[0] < 10 \
                and known[2] is not None and known[2] % 10 == 0 and known[2] >= 20 \
                and known[0] + known[2] == n and known[1] is None:
            teen_words.setdefault(toks[1], "joiner")
            continue
        # "dua puluh tiga", "hai mươi ba", "dalawang pu't tatlo": digit, multiplier of ten.
        if known[0] is not None and known[0] < 10 and len(toks) >= 2:
            second = toks[1]
            if value_of.get(second) is None:
                if n == known[0] * 10 and len(toks) == 2:
                    teen_words.setdefault(second, "mult10")
                    continue
                if n == 10 + known[0] and len(toks) == 2:
                    teen_words.setdefault(second, "teen_suffix")
                    continue
                # Arabic unit-first: "thalatha wa-ishrun" (the joiner glued to the tens word).
                if len(toks) == 2 and second[:1] == "و" and (n - known[0]) % 10 == 0:
                    teen_words.setdefault(second, "and_tens:%d" % ((n - known[0]) // 10))
                    continue
            # "hai mươi": the word for ten is also the multiplier ("mười"/"mươi" fold alike).
            if value_of.get(second) == 10 and n == known[0] * 10 and len(toks) == 2:
                extra.append((lang, second, "mult10", 0))
                continue
            # French "quatre-vingt(s)": a digit times a tens word.
            if value_of.get(second) is not None and value_of[second] % 10 == 0 \
                    and known[0] * value_of[second] <= n < known[0] * value_of[second] + 20 \
                    and known[0] > 1:
                extra.append((lang, second, "score", value_of[second] // 10))
                if second.endswith("s"):
                    pass
                continue
            if len(toks) == 2 and second.endswith("s") and value_of.get(second[:-1]) is not None \
                    and n == known[0] * value_of[second[:-1]]:
                teen_words.setdefault(second, "score")
                continue
        # Hungarian "huszon-hét", Georgian "ოცდა-ერთი", "ოთხმოცდა-თრვამეტი": a tens word's
        # form inside a compound, before a unit (or a teen, in a language counting in
        # twenties).
        if len(toks) == 2 and known[0] is None and known[1] is not None \
                and 0 < known[1] < 20 and n - known[1] >= 20 and (n - known[1]) % 10 == 0 \
                and (known[1] < 10 or lang in TEEN_ADDING):
            teen_words.setdefault(toks[0], "tens_compound:%d" % ((n - known[1]) // 10))
            continue
        # "labing-anim": a prefix for the teens.
        if len(toks) == 2 and 10 < n < 20 and known[1] == n - 10 and known[0] is None:
            teen_words.setdefault(toks[0], "teen_prefix")
            continue
        # Tagalog "dalawang", "siyam na": a digit with its linker before "pu".
        for t, k in zip(toks, known):
            if k is None and t not in teen_words:
                stem = t[:-2] if t.endswith("ng") else None
                if stem and value_of.get(stem) is not None:
                    entries.append((lang, t, "digit" if value_of[stem] < 10 else "value", value_of[stem]))
                    value_of[t] = value_of[stem]
    # Italian elides the vowel of a tens word before "uno" and "otto" ("vent-otto",
    # "trent-uno"): the elided form is the same tens word.
    for toks in tokens.values():
        for t in toks:
            if t in value_of or t in teen_words or len(t) < 4:
                continue
            for word, n in list(value_of.items()):
                if n % 10 == 0 and n >= 20 and word.startswith(t) and len(word) == len(t) + 1:
                    value_of[t] = n
    for word, n in value_of.items():
        if n < 10:
            kind, value = "digit", n
        elif n % 10 == 0:
            kind, value = "tens", n // 10
            if n == 10 and teen_words.get(word) != "tens":
                kind, value = "value", 10
        else:
            kind, value = "value", n
        entries.append((lang, word, kind, value))
    for word, role in teen_words.items():
        if role == "tens" or word in value_of:
            continue
        if role.startswith("tens_compound:"):
            entries.append((lang, word, "tens", int(role.split(":")[1])))
        elif role.startswith("and_tens:"):
            entries.append((lang, word, "and_tens", int(role.split(":")[1])))
        elif role == "score":
            base = value_of.get(word) or value_of.get(word[:-1])
            entries.append((lang, word, "score", base // 10))
        else:
            entries.append((lang, word, role, 0))
    entries.extend(extra)


def hundreds(lang, spell, entries):
    """The words for hundreds: a word for n*100 alone ("trescientos", "триста", "сто"), and
    the word a digit before multiplies ("hundred", "yüz", "cento", "सौ", "ratus")."""
    known = {}
    for n in range(10):
        toks = split(lang, spell(n))
        if len(toks) == 1:
            known[toks[0]] = n
    for n in range(1, 10):
        for extra in (0, 16):
            toks = split(lang, spell(n * 100 + extra))
            if extra == 0 and len(toks) == 1:
                entries.append((lang, toks[0], "hundreds", n))
            elif len(toks) >= 2 and known.get(toks[0]) == n and toks[1] not in known \
                    and len(toks[1]) > 2:
                entries.append((lang, toks[1], "mult100", 1))


def by_character(lang, spell, entries):
    """The words of a language read a character at a time: its digits and its word for ten
    (the one-character words of its spellings), and the character of its hundred ("百" of
    "一百", "백"), which a digit before multiplies."""
    found = []
    roles(lang, {n: spell(n) for n in range(100)}, found)
    entries.extend(e for e in found if len(e[1]) == 1)
    hundred = fold(spell(100))[-1:]
    if hundred:
        entries.append((lang, hundred, "mult100", 1))


def glued_unit_joiners():
    """The joiners the languages with unit-first tens glue between unit and tens (German
    "acht\u00adund\u00addreißig", Dutch "acht\u00aden\u00addertig", Danish "otte\u00adog\u00adtredive"), read
    from ICU's spelling of 38: one word, split by its soft hyphens into unit, joiner, tens.
    Their spaced form ("acht en dertig") is a joiner row of the table."""
    out = set()
    for lang in ICU_LANGS:
        raw = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT,
                                        icu.Locale(lang)).format(38)
        toks = split(lang, raw)
        eight = split(lang, icu_spellings(lang)[8])
        thirty = split(lang, icu_spellings(lang)[30])
        if " " not in raw.strip() and len(toks) == 3 and [toks[0]] == eight \
                and [toks[2]] == thirty:
            out.add(toks[1])
    return out


def compound_units(joiners):
    """The units that languages with unit-first tens write in their compounds only, read from
    ICU's spellings of 21..91: German "ein" of "ein\u00adund\u00adzwanzig" beside the "eins"
    said alone. Each is a digit word, marked common by the word lists like any other."""
    out = []
    for lang in ICU_LANGS:
        spellings = icu_spellings(lang)
        for unit in range(1, 10):
            alone = split(lang, spellings[unit])
            for tens in range(20, 100, 10):
                toks = split(lang, spellings[tens + unit])
                if len(toks) == 3 and toks[1] in joiners and [toks[2]] == split(lang, spellings[tens]) \
                        and [toks[0]] != alone:
                    out.append((lang, toks[0], "digit", unit))
    return sorted(set(out))


def katakana(word):
    """A word written in hiragana, in katakana (the same syllables, U+3041..U+3096 + 0x60)."""
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in word)


# The Ethiopic consonant series Amharic pronounces alike, each with the series its
# everyday spelling uses: ሠ (U+1220…) as ሰ, ሐ and ኀ as ሀ, ዐ as አ, ፀ as ጸ.
AMHARIC_ALIKE = [(0x1220, 0x1230), (0x1210, 0x1200), (0x1280, 0x1200), (0x12D0, 0x12A0),
                 (0x1340, 0x1338)]


def amharic_plain(c):
    """`c` in the series Amharic's everyday spelling uses for its sound."""
    for source, target in AMHARIC_ALIKE:
        if source <= ord(c) < source + 7:
            return chr(target + ord(c) - source)
    return c


def main():
    entries = []
    for lang in ICU_LANGS:
        formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang))
        if lang in BY_CHARACTER:
            by_character(lang, formatter.format, entries)
            continue
        roles(lang, icu_spellings(lang), entries)
        hundreds(lang, formatter.format, entries)
    for locale, lang in ICU_REGIONAL.items():
        roles(lang, icu_spellings(locale), entries)
    for lang, n2w in NUM2WORDS_LANGS.items():
        spell = lambda n, n2w=n2w: num2words.num2words(n, lang=n2w)
        if lang in BY_CHARACTER:
            by_character(lang, spell, entries)
            continue
        roles(lang, num2words_spellings(n2w), entries)
        hundreds(lang, spell, entries)
    for lang, table in COMPOSED.items():
        for variant in range(max(len(w) for w in table["units"])):
            spellings = composed_spellings(table, variant)
            roles(lang, {n: t for n, t in spellings.items() if n < 100}, entries)
            if table["hundred"]:
                hundreds(lang, lambda n, sp=spellings: sp.get(n, ""), entries)
    # The kana readings of Japanese 0..10 (one word each, as phone numbers are read out).
    for n in range(11):
        word = fold(num2words.num2words(n, lang="ja", reading=True))
        entries.append(("ja", word, "digit" if n < 10 else "value", n))
    # Romanised Hindi and Bengali from the native words.
    for lang, native_lang, script, source in [
        ("hi-Latn", "hi", sanscript.DEVANAGARI, icu_spellings("hi")),
        ("bn-Latn", "bn", sanscript.BENGALI, num2words_spellings("bn")),
    ]:
        romanised_spellings = {n: romanised(text, script) for n, text in source.items()}
        roles(lang, romanised_spellings, entries)
    for lang, table in HAND_VARIANTS.items():
        # Colloquial Arabic is Arabic: the same language for the words around it.
        lang = "ar" if lang == "ar-colloq" else lang
        for n, words in table.items():
            for w in words:
                w = fold(w)
                if n < 10:
                    entries.append((lang, w, "digit", n))
                elif n % 10 == 0 and n > 10:
                    entries.append((lang, w, "tens", n // 10))
                else:
                    entries.append((lang, w, "value", n))
    # Arabic writes the conjunction "و" glued to the word after it: "وخمسة" (and five) in a
    # list of digits, "وعشرين" (and twenty) after a unit ("خمسة وعشرين", 25).
    for lang, word, kind, value in list(entries):
        if lang == "ar" and kind in ("digit", "tens"):
            entries.append((lang, "و" + word, "digit" if kind == "digit" else "and_tens", value))
    # Japanese kana: every hiragana word in katakana too.
    for lang, word, kind, value in list(entries):
        if lang == "ja" and katakana(word) != word:
            entries.append((lang, katakana(word), kind, value))
        if lang == "ja" and "\u30a1" <= word[:1] <= "\u30f6":
            entries.append((lang, "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c
                                          for c in word), kind, value))
    compound_only = compound_units(glued_unit_joiners())
    entries.extend(compound_only)
    compound_only = {(lang, word) for lang, word, _, _ in compound_only}
    for lang, (doubles, triples) in DOUBLE_TRIPLE.items():
        entries.extend((lang, fold(w), "double", 2) for w in doubles)
        entries.extend((lang, fold(w), "triple", 3) for w in triples)
    entries.append(("en", "and", "joiner", 0))
    entries.append(("fil", "at", "joiner", 0))
    # The Arabic conjunction written apart ("خمسة و عشرين"); Persian has it from CLDR.
    entries.append(("ar", "و", "joiner", 0))
    # Japanese reads the dash of a phone number as the particle "の" ("ゼロキュウゼロの
    # イチニサンヨン"). Hand-written from everyday usage.
    entries.extend(("ja", w, "separator", 0) for w in ("の", "ノ"))
    # Amharic writes the letters that sound alike either way (ሦስት and ሶስት, ሠላሳ and ሰላሳ,
    # ሃያ and ሀያ): each word also in its everyday spelling, by the Unicode order of the
    # Ethiopic syllabary, whose orders of seven vowels run in parallel.
    for lang, word, kind, value in list(entries):
        if lang == "am":
            plain = "".join(amharic_plain(c) for c in word)
            if plain != word:
                entries.append((lang, plain, kind, value))
    # Malay and Indonesian share their words; write them once as "ms-id".
    merged = {}
    for lang, word, kind, value in entries:
        lang = "ms-id" if lang in ("id", "ms") else lang

        # A word for ten that composes ("on yedi") is its tens word, not also a value.
        if kind == "value" and value == 10 and any(
                e[1] == word and e[2] == "tens" and e[0] == lang for e in entries):
            continue
        if not word or (lang in ("hi-Latn", "bn-Latn") and not word.isascii()):
            continue
        merged.setdefault((word, kind, value), set()).add(lang)

    dictionaries = {}
    for lang, paths in WORD_LISTS.items():
        words = set()
        for path in paths:
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="ignore") as f:
                    words.update(fold(line.strip()) for line in f if line.strip())
        dictionaries[lang] = words

    # Ordinary words: two letters or fewer, or a word of the English list (the platform's
    # common language), or, for the languages without a list here, a word of any list. The
    # lists of the six European languages share many loans and cognates ("four" is a French
    # word too), which says nothing about how their number words are used.
    listed = {"en", "es", "pt", "fr", "de", "it"}

    def common(word, langs):
        if word.isascii() and len(word) <= 2 and word.isalpha():
            return True
        # A Korean syllable or a single kana is an ordinary word or particle too (이, 일, 사;
        # に, し); so is Persian "نه" (no).
        if langs & {"ko", "ja"} and len(word) == 1 and not "\u4e00" <= word <= "\u9fff" \
                and word != "〇":
            return True
        if "fa" in langs and word == "نه":
            return True
        # Thai "โท" is the word for "second" (ปริญญาโท) too.
        if "th" in langs and word == "โท":
            return True
        # A unit only compounds spell ("ein") is an article or a pronoun alone.
        if any((lang, word) in compound_only for lang in langs):
            return True
        base = {lang.split("-")[0] for lang in langs}
        if "en" not in base and word in dictionaries["en"]:
            return True
        if base & listed:
            return False
        return any(word in words for words in dictionaries.values())

    rows = []
    for (word, kind, value), langs in merged.items():
        for lang in sorted(langs):
            rows.append((lang, word, kind, value, 1 if common(word, langs) else 0))
    # When a spelling means different numbers in two languages ("dos" is 2 in Spanish and 10
    # in romanised Bengali), the reader takes the first row: the order of LANG_ORDER.
    order = {lang: k for k, lang in enumerate(LANG_ORDER)}
    rows.sort(key=lambda r: (order.get(r[0], len(order)), r[0], r[1], r[2], r[3]))
    path = os.path.join(os.path.dirname(__file__), "number_words.tsv")
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Generated by crates/detect/data/gen_number_words.py from ICU %s (PyICU %s), "
                  "num2words %s, indic-transliteration; do not edit.\n"
                  % (icu.ICU_VERSION, icu.VERSION if hasattr(icu, "VERSION") else "?",
                     num2words.__version__ if hasattr(num2words, "__version__") else "0.5.14"))
        out.write("# teen_adding\t%s\n" % ",".join(sorted(TEEN_ADDING)))
        out.write("# glued_unit_joiners\t%s\n" % ",".join(sorted(glued_unit_joiners())))
        out.write("# unspaced\t%s\n" % ",".join(sorted(UNSPACED)))
        out.write("# by_character\t%s\n" % ",".join(sorted(BY_CHARACTER)))
        out.write("# lang\tword\tkind\tvalue\tcommon\n")
        for row in rows:
            out.write("\t".join(str(c) for c in row) + "\n")
    print(len(rows), "rows ->", os.path.normpath(path))


if __name__ == "__main__":
    main()
