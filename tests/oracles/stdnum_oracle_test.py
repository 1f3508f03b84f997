#!/usr/bin/python3
"""stdnum_oracle_test.py — our NHS number, Luhn and IBAN validators against python-stdnum
(stdnum.gb.nhs, stdnum.luhn, stdnum.iban) over 100,000 generated candidates each, deterministic seed.

Candidates are mostly near the boundary: correct check digits, then single-character typos and
adjacent transpositions of them, wrong lengths, and random strings. Our verdicts come from the
validator_verdicts helper (one process call per check). Every deliberate difference is a named class
below with its reason; any other disagreement fails the test (exit status 1).
Run with the Debian Python (/usr/bin/python3), which has python3-stdnum.
"""

import argparse
import os
import random
import re
import string
import subprocess
import sys

from stdnum import iban, luhn
from stdnum.gb import nhs

SEED = 20240611
COUNT = 100_000


# --- candidates -----------------------------------------------------------------------------------

def typo(rng, s, alphabet=string.digits):
    """One character replaced by a different one."""
    i = rng.randrange(len(s))
    return s[:i] + rng.choice([c for c in alphabet if c != s[i]]) + s[i + 1:]


def transpose(rng, s):
    """Two adjacent characters swapped (the mistake check digits are designed to catch)."""
    if len(s) < 2:
        return s
    i = rng.randrange(len(s) - 1)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def digits(rng, n):
    return str(rng.randrange(10 ** n)).zfill(n) if n else ''


def near_misses(rng, valid, random_string, alphabet=string.digits):
    """A valid value, or one mistake away from one, or a random string."""
    roll = rng.random()
    if roll < 0.45:
        return valid()
    if roll < 0.65:
        return typo(rng, valid(), alphabet)
    if roll < 0.80:
        return transpose(rng, valid())
    return random_string()


def nhs_candidates(rng):
    def valid():
        while True:
            body = digits(rng, 9)
            check = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1))) % 11
            if check != 10:
                return body + str(check % 11)

    def other():
        roll = rng.random()
        if roll < 0.6:
            return digits(rng, 10)
        if roll < 0.85:
            return digits(rng, rng.choice([1, 8, 9, 11, 12, 20]))
        s = valid()  # a stray character stdnum does not strip (it strips spaces and dashes)
        i = rng.randrange(len(s) + 1)
        return s[:i] + rng.choice('AOlI./+') + s[i:]

    return [near_misses(rng, valid, other) for _ in range(COUNT)]


def luhn_candidates(rng):
    def length():
        return rng.randint(13, 19) if rng.random() < 0.7 else rng.randint(1, 25)

    def valid():
        body = digits(rng, length() - 1)
        return body + luhn.calc_check_digit(body)

    def other():
        if rng.random() < 0.9:
            return digits(rng, length())
        s = valid()
        i = rng.randrange(len(s) + 1)
        return s[:i] + rng.choice('A -./') + s[i:]

    return [near_misses(rng, valid, other) for _ in range(COUNT)]


def iban_registry():
    """Country code -> BBAN layout [(count, class)] from stdnum's own copy of SWIFT's registry."""
    path = os.path.join(os.path.dirname(iban.__file__), 'iban.dat')
    layouts = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^([A-Z]{2}) .*bban="([^"]*)"', line)
            if m:
                layouts[m.group(1)] = [(int(n), c) for n, c in re.findall(r'(\d+)!?([nac])', m.group(2))]
    return layouts


CLASS_CHARS = {'n': string.digits, 'a': string.ascii_uppercase, 'c': string.digits + string.ascii_uppercase}
ALNUM = string.digits + string.ascii_uppercase


def iban_check_digits(country, bban):
    """ISO 13616: 98 - (BBAN + country + "00", letters as 10..35) mod 97, two digits."""
    rearranged = ''.join(str(int(c, 36)) for c in bban + country + '00')
    return '%02d' % (98 - int(rearranged) % 97)


def iban_candidates(rng, layouts):
    countries = sorted(layouts)
    unknown = sorted({a + b for a in string.ascii_uppercase for b in string.ascii_uppercase} - set(layouts))

    def bban_for(country):
        layout = layouts.get(country)
        if layout is None or rng.random() < 0.1:  # a layout the registry does not give this country
            return ''.join(rng.choices(ALNUM, k=rng.randint(11, 30)))
        bban = ''.join(''.join(rng.choices(CLASS_CHARS[c], k=n)) for n, c in layout)
        if rng.random() < 0.05:  # one character too many or too few
            bban = bban + rng.choice(string.digits) if rng.random() < 0.5 else bban[:-1]
        return bban

    def valid():
        country = rng.choice(countries) if rng.random() < 0.9 else rng.choice(unknown)
        bban = bban_for(country)
        return country + iban_check_digits(country, bban) + bban

    def other():
        roll = rng.random()
        country = rng.choice(countries)
        bban = bban_for(country)
        if roll < 0.7:
            return country + digits(rng, 2) + bban
        if roll < 0.85:  # letters where the check digits go
            return country + ''.join(rng.choices(ALNUM, k=2)) + bban
        return ''.join(rng.choices(ALNUM, k=rng.randint(10, 36)))

    return [near_misses(rng, valid, other, ALNUM) for _ in range(COUNT)]


# --- deliberate differences -------------------------------------------------------------------------
# Each: (name, reason, predicate(candidate, ours, theirs)). A disagreement no class explains fails.

def iban_classes(layouts):
    def known_length(c):
        return sum(n for n, _ in layouts[c[:2]]) + 4

    def layout_matches(c):
        pattern = ''.join('[%s]{%d}' % (CLASS_CHARS[k], n) for n, k in layouts[c[:2]])
        return re.fullmatch(pattern, c[4:]) is not None

    return [
        ('unknown-country',
         'country code not in the IBAN registry: we accept any two letters with a valid mod 97 and '
         '15-34 characters, so an IBAN from a country stdnum\'s registry snapshot lacks is still '
         'treated as someone\'s account',
         lambda c, ours, theirs: ours and not theirs and c[:2] not in layouts),
        ('length-outside-our-table',
         'registry country outside our 40-country length table (the countries UK staff meet): we '
         'check 15-34 characters and mod 97 there, not the registry length',
         lambda c, ours, theirs: ours and not theirs and c[:2] in layouts and len(c) != known_length(c)
         and c[:2] not in OUR_LENGTH_TABLE),
        ('bban-character-layout',
         'right length and mod 97, but a letter where the registry layout has a digit (or the '
         'reverse): we do not check per-country character classes; mod 97 already catches 96 in 97 '
         'mistakes and a near-miss is still someone\'s account number',
         lambda c, ours, theirs: ours and not theirs and c[:2] in layouts and len(c) == known_length(c)
         and not layout_matches(c)),
        ('domestic-check-digits',
         'stdnum also checks the domestic account number\'s own check digits (Belgium, Spain, '
         'Montenegro, Norway); we check the IBAN\'s mod 97 only',
         lambda c, ours, theirs: ours and not theirs and iban.is_valid(c, check_country=False)),
        ('letter-check-digits',
         'check digits that are not two digits: ISO 13616 check digits are numeric (02-98); stdnum '
         'applies mod 97 without looking at them',
         lambda c, ours, theirs: theirs and not ours and not c[2:4].isdigit()),
    ]


# Countries whose lengths our iban_valid knows (core/src/recognizers/payment.cpp, kIbanLengths).
OUR_LENGTH_TABLE = set('AD AT BE BG CH CY CZ DE DK EE ES FI FO FR GB GI GL GR HR HU IE IS IT LI LT LU LV '
                       'MC MT NL NO PL PT RO SE SI SK SM TR VA'.split())


# --- comparison -------------------------------------------------------------------------------------

def our_verdicts(helper, check, candidates):
    for c in candidates:
        if '\t' in c or '\n' in c:
            raise ValueError('candidate with a tab or newline: %r' % c)
    stdin = ''.join('%s\t%s\n' % (check, c) for c in candidates)
    out = subprocess.run([helper], input=stdin, capture_output=True, text=True, check=True).stdout.split()
    if len(out) != len(candidates):
        raise RuntimeError('%s: %d verdicts for %d candidates' % (check, len(out), len(candidates)))
    return [v == '1' for v in out]


def compare(label, check, candidates, theirs_fn, classes, helper):
    ours_all = our_verdicts(helper, check, candidates)
    agree = 0
    theirs_valid = 0
    counted = {name: 0 for name, _, _ in classes}
    unexplained = []
    for c, ours in zip(candidates, ours_all):
        theirs = bool(theirs_fn(c))
        theirs_valid += theirs
        if ours == theirs:
            agree += 1
            continue
        for name, _, applies in classes:
            if applies(c, ours, theirs):
                counted[name] += 1
                break
        else:
            unexplained.append((c, ours, theirs))
    deliberate = sum(counted.values())
    print('%s: %d candidates (%d valid for stdnum), %.2f%% agree, %d deliberate differences, %d unexplained'
          % (label, len(candidates), theirs_valid, 100.0 * agree / len(candidates), deliberate,
             len(unexplained)))
    for name, reason, _ in classes:
        print('  %6d  %s: %s' % (counted[name], name, reason))
    for c, ours, theirs in unexplained[:30]:
        print('  UNEXPLAINED %r: ours %s, stdnum %s' % (c, ours, theirs))
    balanced = len(candidates) // 5 <= theirs_valid <= len(candidates) * 4 // 5
    if not balanced:
        print('  FAIL: the candidate mix is lopsided (%d valid); the comparison would prove little' % theirs_valid)
    return balanced and not unexplained


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--verdicts', required=True, help='the validator_verdicts helper executable')
    args = parser.parse_args()

    ok = True
    rng = random.Random(SEED)
    ok &= compare('nhs-number vs stdnum.gb.nhs', 'nhs', nhs_candidates(rng), nhs.is_valid, [], args.verdicts)
    rng = random.Random(SEED + 1)
    ok &= compare('luhn vs stdnum.luhn', 'luhn', luhn_candidates(rng), luhn.is_valid, [], args.verdicts)
    layouts = iban_registry()
    rng = random.Random(SEED + 2)
    ok &= compare('iban vs stdnum.iban', 'iban', iban_candidates(rng, layouts), iban.is_valid,
                  iban_classes(layouts), args.verdicts)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
