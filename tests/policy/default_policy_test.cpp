// default_policy_test.cpp — the default policy's content, through the real loader and the real Checker:
// every deliberate lexicon decision written down in tests/policy/README.md has a case here ("damn" is
// clean, "Dick Turpin" is clean, "d1ck" is not), plus one or more cases per category for what must be
// caught and what must stay quiet. The dev corpus gate (dev_corpus_gate.py) measures the whole.
#include <doctest/doctest.h>

#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "postcheck/checker.h"
#include "postcheck/policy.h"

using namespace postcheck;

namespace {

std::string read_policy_file() {
  std::ifstream in(std::string(POSTCHECK_SOURCE_DIR) + "/core/policies/carers-in-bedfordshire.json",
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Loaded and compiled once for the whole suite (the tests only read it).
const Checker& checker() {
  static const Checker compiled = [] {
    PolicyLoadResult loaded = parse_policy(read_policy_file());
    if (!loaded.policy) {
      for (const auto& e : loaded.errors) FAIL_CHECK(e.to_string());
      FAIL("the default policy does not load");
    }
    return Checker(std::move(*loaded.policy));
  }();
  return compiled;
}

constexpr Context kPersonal{Account::personal, false};
constexpr Context kCharity{Account::charity, true};
constexpr Context kCharityUnauthorised{Account::charity, false};

// Categories of the warn/block findings (what the scorer and the extension count).
std::set<std::string> flagged(std::string_view text, Context context = kPersonal) {
  std::set<std::string> out;
  for (const auto& f : checker().check(text, context)) {
    if (f.severity != Severity::info) out.insert(f.category);
  }
  return out;
}

bool clean(std::string_view text, Context context = kPersonal) { return flagged(text, context).empty(); }

bool has(std::string_view text, std::string_view category, Context context = kPersonal) {
  return flagged(text, context).count(std::string(category)) > 0;
}

// The first finding of a category (the test fails when there is none).
Finding finding(std::string_view text, std::string_view category, Context context = kPersonal) {
  for (const auto& f : checker().check(text, context)) {
    if (f.category == category) return f;
  }
  FAIL("no " << category << " finding in: " << text);
  return {};
}

}  // namespace

TEST_CASE("the default policy loads, names the charity and covers every category") {
  PolicyLoadResult loaded = parse_policy(read_policy_file());
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.policy);
  const Policy& p = *loaded.policy;
  CHECK(p.organisation_names == std::vector<std::string>{"Carers in Bedfordshire", "Carers in Beds"});
  CHECK(p.organisation_handles == std::vector<std::string>{"@CarersinBeds"});
  CHECK(p.accounts.size() == 4);
  REQUIRE(p.contacts.count("communications_officer") == 1);
  REQUIRE(p.contacts.count("community_engagement_lead") == 1);
  CHECK(p.contacts.at("communications_officer").role == "Communications Officer");
  CHECK(p.contacts.at("community_engagement_lead").role == "Community Engagement Lead");

  std::set<std::string> categories;
  for (const Rule& r : p.rules) {
    INFO("rule " << r.id);
    categories.insert(r.category);
    // Every message names its clause; every advice says what to do.
    CHECK(r.message.find("Clause " + r.clause) == 0);
    CHECK(r.advice.size() > 20);
  }
  for (std::string_view c : kCategories) {
    INFO("category " << c);
    CHECK(categories.count(std::string(c)) == 1);
  }
}

TEST_CASE("mild British words are deliberately clean") {
  for (const char* text : {
           "Damn, missed the bus again",
           "Bloody freezing at parkrun this morning",
           "Bloody hell, the train is cancelled",
           "Knackered after the half marathon",
           "Blimey, what a queue at the Post Office",
           "Crikey, 30 degrees in Bedford today",
           "What a pillock I am, left my keys in the door",
           "Our striker was a right plonker today",
           "Don't be a prat, wear your helmet",
           "Some numpty parked on the kerb",
           "The muppet who designed this roundabout",
           "Cock-a-hoop about my exam results",
           "Total cock-up with the delivery, but sorted now",
           "Sod's law: the sun came out after the picnic",
           "You daft git, you left the oven on",
       }) {
    INFO(text);
    CHECK(clean(text));
  }
}

TEST_CASE("place names and innocent words that contain rude ones stay clean") {
  for (const char* text : {
           "Great day out in Scunthorpe visiting the in-laws",
           "Weekend walking in Penistone with my sister",
           "Middlesex v Essex at Lord's today",
           "Sussex and Essex both beaten this week",
           "Lovely trip to Cockermouth this weekend",
           "Holiday cottage near Shitterton in Dorset",
           "Highly recommend the cockpit tour at Old Warden",
           "Cracking cocktail night in Leighton Buzzard",
           "Shiitake mushroom risotto for tea tonight",
           "Assessment centre for the new job went well",
           "Scrabble night: played ANALYSE on a triple word score",
           "Took the kids to see the Dick Turpin exhibit",
           "Finally finished Moby-Dick",
           "Spotted dick and custard at the reunion",
           "Dick Whittington at the Grove Theatre this Christmas",
           "Reading Philip K. Dick on the train",
           "Coal tits and long-tailed tits at the feeder",
           "It's all tit for tat with those two",
           "Pussy willow is out along the river",
           "Restoring an old Mazda with a Wankel engine",
           "Great tits and blue tits on the feeder this morning",
           "Hancock's Half Hour repeats on the radio",
           "Quiz night at the Cock Inn, we came second",
           "Add a knob of butter and stir",
           "Faggots and peas at the chippy, proper northern tea",
           "Walked past the old slag heaps near the pit",
           "Prick the sausages before they go in the oven",
           "Popped out for a fag, back in five",
       }) {
    INFO(text);
    CHECK(clean(text));
  }
}

TEST_CASE("profanity is caught in every disguise the normaliser folds") {
  for (const char* text : {
           "Carers Week is f*cking brilliant",     // masked
           "f**k this traffic",                    // masked, two stars
           "fuuuuck me that was a long week",      // repeated letters
           "f u c k i n g hell, Luton lost",       // spaced letters
           "F.U.C.K this week honestly",           // dotted letters
           "Absolutely sh1t day",                  // leetspeak
           "What a tw@t that referee was",         // symbol for a letter
           "whoever parked there is a w4nker",
           "My neighbour's a proper d1ck",         // "d1ck" is not "Dick Turpin"
           "My line manager is a useless c*nt",
           "What a load of bol\u200Blocks",        // zero-width space inside
           "\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B this",  // fullwidth "Ｆｕｃｋ"
       }) {
    INFO(text);
    CHECK(has(text, "disrepute"));
  }
  // The finding points at the disguised word itself, in the original text.
  CHECK(finding("What a tw@t that referee was", "disrepute").excerpt == "tw@t");
  CHECK(finding("What a load of bol\u200Blocks", "disrepute").excerpt == "bol\u200Blocks");
}

TEST_CASE("severity: strong swearing, insults and slurs block; mild swearing warns") {
  CHECK(finding("Who the fuck schedules roadworks in rush hour", "disrepute").severity == Severity::block);
  CHECK(finding("My ex is a lying bastard", "disrepute").severity == Severity::block);
  CHECK(finding("That bus driver is an absolute bellend", "disrepute").severity == Severity::block);
  CHECK(finding("Anyone who votes for that lot is a total r3tard", "disrepute").severity == Severity::block);
  CHECK(finding("Shit, left my lanyard at home", "disrepute").severity == Severity::warn);
  CHECK(finding("Crap weather for the fun day", "disrepute").severity == Severity::warn);
  CHECK(finding("Bugger, forgot the raffle tickets", "disrepute").severity == Severity::warn);
  CHECK(finding("Can't be arsed with the ironing", "disrepute").severity == Severity::warn);
  // Masked words get a masking suggestion.
  const Finding f = finding("Shit, left my lanyard at home", "disrepute");
  REQUIRE(f.suggestion);
  CHECK(f.suggestion->text == "****");  // no letter kept: the fix must not read as a disguise
}

TEST_CASE("threats, harassment, hate, sexual content and mockery are disrepute") {
  for (const char* text : {
           "I know who you are and I will break your legs",
           "Cross me again and I'll smash your face in",
           "@Dave you absolute waste of space. Watch your back.",
           "Sick of all these Eastern Europeans taking the jobs. Send them home.",
           "Go back to your own country, nobody wants you here",
           "Hitler had the right idea about some people tbh",
           "I'd let him do a lot more than my hamstrings if you know what I mean",
           "Wanna see me naked? DM for pics",
           "Whoever let their dog foul outside the school, you're a disgusting pig",
           "Carers who moan about being tired should try working for a living",
           "Some of these dementia patients are like toddlers lol",
       }) {
    INFO(text);
    CHECK(has(text, "disrepute"));
  }
  for (const char* text : {
           "You absolute legend, thank you for the cake",   // praise, not harassment
           "Hate is not welcome in Bedford: join the unity walk on Saturday",
           "Refugees who care for family face extra barriers. We can help.",
           "Caring for someone with dementia can be lonely. Our Memory Cafe meets on Wednesdays.",
       }) {
    INFO(text);
    CHECK(clean(text));
  }
}

TEST_CASE("personal data: private contact details and identifiers, not the charity's public ones") {
  for (const char* text : {
           "Text Priya on +44 7700 900 283, she's doing the rota",
           "Ring Maureen on (01632) 960 245 if you find the dog",
           "Her personal mobile is 07700-900-527 or email a.nowak@example.org",
           "The card inside says Janet Fairweather, 4 Mill Lane, Biggleswade SG18 0AW",
           "His NI number is XJ 91 21 03 C if anyone there is listening",
           "We've logged the referral (NHS number 999 954 2557)",
           "Pay Kev by bank transfer, sort code 20-45-77 account 41028833",
           "Use this for the deposit: 4000 0050 3491 0654",
           "Can anyone help Mr Ahmed Rafiq (DOB 22/07/1961) with his forms?",
       }) {
    INFO(text);
    CHECK(has(text, "personal-data"));
  }
  for (const char* text : {
           "Call our helpline on 01234 567890 or email info@carersinbeds.org.uk",
           "Get in touch: info@carersinbeds.org.uk or 01234 567 890",
           "Booking ref 999 379 5630 for the cottage, can't wait!",          // fails the NHS check anyway
           "Reference 943 476 5919 for the parcel",                          // a valid NHS shape, no NHS context
           "The council's Adult Social Care front door team is on 01632 960100, Mon-Fri 9-5.",
           "Join us at Luton Central Library, St George's Square, LU1 2NG, 10am-2pm.",
           "Ticket barcode 4945 4633 8260 6058, is the concert still on?",    // fails Luhn
           "Order #40213377812 still hasn't turned up",
           "For urgent medical help call NHS 111, or 999 in an emergency.",
           "Job vacancy: Carer Support Worker. Closing date 30/06/2025.",
       }) {
    INFO(text);
    CHECK_FALSE(has(text, "personal-data"));
  }
  // The finding covers the number itself.
  CHECK(finding("Text Priya on +44 7700 900 283 please", "personal-data").excerpt == "+44 7700 900 283");
  // Addresses at the charity's own domain are organisational, not personal data.
  CHECK_FALSE(has("Email our fundraising team at fundraising@carersinbeds.org.uk", "personal-data"));
}

TEST_CASE("client confidentiality: an identifiable person next to their circumstances") {
  for (const char* text : {
           "Mrs Okonkwo rang the office 14 times today about her son's PIP claim.",
           "My client in Kempston has just been told her husband's dementia has progressed",
           "Kofi is 11 and does all his mum's injections because of her MS.",
           "Shout out to M.H. from Dunstable who finally accepted respite for her son.",
           "Third safeguarding referral this week for the same family in Houghton Regis.",
           "My client's husband was arrested last night for domestic abuse.",
       }) {
    INFO(text);
    CHECK(has(text, "client-confidentiality"));
  }
  CHECK(has("Hi Karen, so sorry to hear about your husband's Parkinson's diagnosis. Jo, your support worker, "
            "will call you.",
            "client-confidentiality", kCharity));
  for (const char* text : {
           "Dementia Action Week starts Monday. If you care for someone living with dementia, you are not alone.",
           "Cancer doesn't just affect the patient. If you look after someone with cancer, you're a carer too.",
           "Looking after Dad this week after his hip op, thank goodness for lovely neighbours",
           "So proud of my colleague Priya who just finished her counselling qualification",
           "Really useful safeguarding adults refresher at work today",
           "Meet our new trustee, Dr Helen Matthews, a retired GP. Welcome, Helen!",
           "Love my job. A carer told me the short break we arranged was her first proper rest in years.",
       }) {
    INFO(text);
    CHECK(clean(text));
  }
}

TEST_CASE("professional boundaries: inviting the people we support into personal contact") {
  for (const char* text : {
           "To all my lovely carers from the Biggleswade group, add me on my personal Facebook",
           "If any of my clients need me out of hours just WhatsApp me on my own number",
           "Snapchat me carers!! happy to chat anytime",
           "Told the carer I support she can stay at mine whenever things get too much",
           "Let's be friends on Insta, you're my favourite client",
       }) {
    INFO(text);
    CHECK(has(text, "professional-boundaries"));
  }
  for (const char* text : {
           "Follow us on Instagram for news about our carers' groups",
           "Had a lovely catch-up with my old manager, lunch at the Rose tomorrow",
       }) {
    INFO(text);
    CHECK_FALSE(has(text, "professional-boundaries"));
  }
}

TEST_CASE("work grumbles are caught; praise of work and colleagues is not") {
  for (const char* text : {
           "3% pay rise when everything's gone up 10%. Thanks for nothing, bosses",
           "When your manager takes credit for YOUR funding bid. Not bitter. Much.",
           "Unpaid overtime again. Love that for me",
           "Our new CEO has decided we all need to hot-desk. Genius.",
           "Work is doing my head in. Too much paperwork and nobody upstairs cares.",
           "If my team leader schedules one more 8am meeting I swear I'm walking out",
       }) {
    INFO(text);
    CHECK(has(text, "work-grumble"));
  }
  for (const char* text : {
           "Our team bake sale raised 212 pounds, my colleagues are absolute stars",
           "Had my annual appraisal today, lovely feedback from my manager",
           "Huge thanks to my colleagues for covering the phones while I was at the dentist",
       }) {
    INFO(text);
    CHECK(clean(text));
  }
}

TEST_CASE("speaking for the charity: a stance in its name needs a personal disclaimer") {
  const char* stance = "At Carers in Bedfordshire we think the council's decision to cut respite is a disgrace.";
  CHECK(has(stance, "speaking-for-charity"));
  const Finding f = finding(stance, "speaking-for-charity");
  REQUIRE(f.suggestion);
  CHECK(f.suggestion->action == Suggestion::Action::append);
  CHECK(f.suggestion->text == " (Views my own.)");
  CHECK(has("My employer fully backs the junior doctors' strike", "speaking-for-charity"));
  CHECK(has("Carers in Bedfordshire's view is that the council has got this badly wrong", "speaking-for-charity"));
  // With a disclaimer, or on the charity's own account, it is not speaking out of turn.
  CHECK_FALSE(has("Views my own: at Carers in Bedfordshire we think the cut is a disgrace.", "speaking-for-charity"));
  CHECK_FALSE(has("Personal opinion, not my employer's: parking charges for carers should go.",
                  "speaking-for-charity"));
  CHECK_FALSE(has(stance, "speaking-for-charity", kCharity));
  // Sharing the charity's campaigns and jobs is encouraged.
  CHECK(clean("Carers in Bedfordshire are hiring! Young Carers Worker, 30 hrs/wk, Bedford."));
  CHECK(clean("Proud to be running the Bedford Half for @CarersinBeds on Sunday!"));
}

TEST_CASE("charity-account misuse: party politics, personal life, selling, jokes, unauthorised posters") {
  for (const char* text : {
           "Vote Labour on Thursday, the only party that cares about carers!",
           "Reform UK are the only ones talking sense on immigration.",
           "The Conservatives have failed unpaid carers for 14 years.",
           "Please vote for Cllr Jan Whitby (Lib Dem) in the by-election",
           "Massive congratulations to my sister Hannah on her engagement!!",
           "Selling my daughter's old bike, 40 pounds ono. DM me!",
           "Why did the MK Dons fan cross the road? Nobody knows",
       }) {
    INFO(text);
    CHECK(has(text, "charity-account-misuse", kCharity));
    CHECK_FALSE(has(text, "charity-account-misuse", kPersonal));
  }
  // Non-partisan civic information is on purpose, "vote for" included when it is anyone's choice.
  CHECK(clean("Polling day is Thursday. Remember to bring photo ID.", kCharity));
  CHECK(clean("Elections on Thursday: whoever you vote for, ask your candidates what they will do for unpaid "
              "carers.", kCharity));
  CHECK(has("Whoever you vote for, vote for the candidate who backs carers: Cllr Jan Whitby",
            "charity-account-misuse", kCharity));
  // Anyone not authorised for the charity's accounts is held, however good the post (clause 4a).
  const Finding f = finding("Carers Week coffee morning on Tuesday, all welcome", "charity-account-misuse",
                            kCharityUnauthorised);
  CHECK(f.severity == Severity::block);
  CHECK(f.clause == "4a");
}

TEST_CASE("security: secrets and internal links") {
  for (const char* text : {
           "Wifi password at the Kempston office is CarersRule!2025",
           "My password is Summer2024 and it says invalid",
           "AWS key for the website: AKIAIOSFODNN7EXAMPLE",
           "Case notes template: https://drive.google.com/drive/folders/1aBcD3fGhIjKlMnOpQrStUvWxYz01",
           "Is the intranet down? http://intranet.carersinbeds.local/hr/policies won't load",
       }) {
    INFO(text);
    CHECK(has(text, "security"));
  }
  CHECK(clean("Password managers are a game changer. Don't reuse the same password everywhere."));
  CHECK(clean("We will NEVER ask for your password or bank details by phone.", kCharity));
}

// ---- Decisions from the unseen-phrasing rounds (tests/policy/README.md, "Generalising to unseen posts") ----

TEST_CASE("confidentiality: the person-name and initials recognizers are person cues") {
  for (const char* text : {
           "Popped in to see Gary Thornton this morning, only just out of hospital after his fall",
           "Well done K.L. from the Flitwick group, her housing benefit appeal finally went through",
           "Sat with a gentleman in Cranfield whose wife no longer knows who he is",
           "A carer from Leagrave has had to sell her car to pay the gas bill",
       }) {
    INFO(text);
    CHECK(has(text, "client-confidentiality"));
  }
}

TEST_CASE("confidentiality: a public figure in a media context is not a client") {
  for (const char* text : {
           "Moving documentary about Terry Pratchett and his Alzheimer's on tonight",
           "Just finished Wendy Mitchell's memoir about dementia, everyone should read it",
       }) {
    INFO(text);
    CHECK_FALSE(has(text, "client-confidentiality"));
  }
}

TEST_CASE("confidentiality: a service named after carers is not a person cue") {
  CHECK(clean("If you are caring for someone living with dementia, you are not alone: our Carer Support team "
              "can help. Call 01234 567890", kCharity));
  CHECK(has("Our carer Mrs Patel has dementia", "client-confidentiality", kCharity));
  CHECK(has("Our Carer Support team met Mrs Patel, whose husband has dementia", "client-confidentiality", kCharity));
}

// Posts written afresh (not from the dev corpus) that the policy missed or flagged wrongly, and what
// each taught it; tests/policy/README.md says which vocabulary or rule changed.
TEST_CASE("fresh posts: grumbles, stances and claims the policy had missed") {
  for (const char* text : {
           "Third restructure in two years. Whoever keeps dreaming these up should try doing the actual job.",
           "Caseload of 80 and they want us to find capacity for a new project. Lol.",
           "At my org TOIL just quietly disappears and nobody asks why.",
           "Mileage rate hasn't gone up since 2011 and I drive to Leighton four times a week.",
           "Spent 3 hrs on the phone and there's nobody to cover my caseload. Burnt out.",
           "Another quick team meeting that lasted two hours. My manager loves the sound of her own voice",
       }) {
    INFO(text);
    CHECK(has(text, "work-grumble"));
  }
  CHECK(has("As a charity we're totally against the council's plan to close the day centre.", "speaking-for-charity"));
  CHECK(has("My employer backs a four-day week for every care worker, and so do I", "speaking-for-charity"));
  // A disclaimer does not undo saying what the charity thinks.
  CHECK(has("Views my own, but obviously the charity agrees with me: parking charges for carers are a disgrace.",
            "speaking-for-charity"));
  CHECK(clean("Views my own: parking charges for carers at the hospital are a disgrace."));
  CHECK(has("Speaking for the whole team at Carers in Beds: this plan is the only serious one",
            "speaking-for-charity"));
  CHECK(clean("Not speaking for the whole team here, but I loved the quiz night"));
  CHECK(has("From today our charity is officially boycotting Nestle products and you should too.",
            "speaking-for-charity"));
  CHECK(has("Ten years in the charity sector and I still can't afford a holiday. Pay here is a joke mate",
            "work-grumble"));
  CHECK(has("Three people off sick and guess who's covering all the referrals again.", "work-grumble"));
}

TEST_CASE("fresh posts: personal data, confidentiality, boundaries and hostility the policy had missed") {
  // A number introduced as one's own is personal data even beside words that mark public lines.
  CHECK(has("If any of you want to chat outside office hours, my home number is 01234 218476", "personal-data"));
  CHECK(clean("Our helpline is open in office hours on 01234 567890", kCharity));
  CHECK(has("Really worried about S.P. from the Tuesday group, her dad's hitting her again", "client-confidentiality"));
  CHECK(has("Carers who want the craft group dates, just email my personal address rather than the office one",
            "professional-boundaries"));
  CHECK(has("Honestly the Polish lot on my street are all thieves", "disrepute"));
  CHECK(clean("Polish the silver before the tea party, all hands welcome"));
  // A qualification's name is not a care detail, and general advice names no one's support worker.
  CHECK(clean("Completed my Level 3 Diploma in Health and Social Care. Huge thanks to my manager Priya for her "
              "support all year."));
  CHECK(clean("Free half-term trip for young carers. Limited places, ask your support worker.", kCharity));
  CHECK(has("Chuffed to have helped Ayesha Rahman in Luton get an assessment for her brother's MS",
            "client-confidentiality"));
  CHECK(has("Any of my carers reading this, follow my private insta @lozzbakes_x", "professional-boundaries"));
  CHECK(has("Sheila (one of my carers) and me are having prosecco at hers on Friday night",
            "professional-boundaries"));
  CHECK(has("If that councillor shows his face again I swear I'll slash his tyres.", "disrepute"));
  CHECK(has("The keypad on the Kempston hub back door is 4719# btw", "security"));
  // "the lot" sells only as a bundle.
  CHECK(flagged("Happy 80th to our volunteer driver, still out-driving the lot of us!", kCharity).count(
            "charity-account-misuse") == 0);
  CHECK(has("Hi Jo, your support worker will call you back tomorrow", "client-confidentiality", kCharity));
}

TEST_CASE("fresh posts typed as on a phone: contractions without apostrophes, initials, lower case") {
  CHECK(has("feeling proper mardy today, didnt sleep a wink and the dog was sick", "charity-account-misuse", kCharity));
  CHECK(has("if the idiot who keyed my car is reading this, i know where u live and u will regret it", "disrepute"));
  CHECK(has("bit worried abt mr h on my shefford round, his daughters been taking money out his account again",
            "client-confidentiality"));
  CHECK(has("gutted, little K from the kempston young carers group has gone into foster care", "client-confidentiality"));
  CHECK(has("6 hrs in a&e with dad and every single person asks for his nhs number so putting it here so i stop "
            "forgetting lol 943 476 5919", "personal-data"));
  CHECK(has("omg one of my carers just gave me 50 quid in a thank you card, bless her", "professional-boundaries"));
  CHECK(clean("My manager gave me 10 minutes to prep for the carers forum"));
  CHECK(has("As a trustee I can tell you the board is united: the cuts are unacceptable.", "speaking-for-charity"));
  // A registration plate is not a person called Reg.
  CHECK_FALSE(has("Whoever parked across the disabled bay: I know your reg", "client-confidentiality"));
}

TEST_CASE("fresh posts: the charity's account offers a worker's personal contact") {
  CHECK(has("Need a chat out of hours? Our support worker Gemma is happy for you to text her personal mobile",
            "professional-boundaries", kCharity));
  // With the number itself in the post it is personal data (as the dev corpus labels it), not both.
  const auto with_number = flagged("Rachel would love to hear from you, her personal mobile is 07700 900 734", kCharity);
  CHECK(with_number.count("personal-data") == 1);
  CHECK(with_number.count("professional-boundaries") == 0);
}

// The fourth round of posts written afresh (tests/policy/README.md): what it found the policy missing, each
// pinned here in words of its own, and the harmless posts the new terms must leave alone.
TEST_CASE("fresh posts, fourth round: what the policy had missed") {
  // A number in brackets whole, not only after a bracketed area code.
  CHECK(has("gave her my own number too (07700 900773) so she can text me", "personal-data"));
  // "I don't mind" is not the charity Mind, whose helpline a number near it might be.
  CHECK(has("just give me a ring at home on (01525) 409177 any evening, I don't mind", "personal-data"));
  CHECK(has("To my lovely carers from the Ampthill group: no need to go through the office, give me a ring at home",
            "professional-boundaries"));
  CHECK(has("Told one of my befriending ladies I'll pop round Sunday, off the books obviously",
            "professional-boundaries"));
  CHECK(has("quickest way is to add me on Snapchat, it's jo_cib, I check it more than this page", "professional-boundaries",
            kCharity));
  CHECK(has("@sam_b so sorry the respite placement for your mum fell apart after her fall, we'll ring you today",
            "client-confidentiality", kCharity));
  CHECK(has("Mr K from Potton rang at 11pm again because his wife keeps wandering off", "client-confidentiality"));
  CHECK(has("Lovely couple in Shefford today. She's 88 and nursing him since his stroke", "client-confidentiality"));
  CHECK(has("the keysafe code for the Sandy flat?? never mind, found it in the team chat, it's 5820", "security"));
  CHECK(has("Drove through town today and honestly, is this even England anymore", "disrepute"));
  CHECK(has("To whoever keeps trolling my posts: I know where you drink. Keep going and see what happens", "disrepute"));
  CHECK(has("Who puts a team meeting on my day off. Genius leadership as always", "work-grumble"));
  CHECK(has("Whoever does our rota has clearly never been to Cranfield", "work-grumble"));
  CHECK(has("From all of us at Carers in Beds: scrap the benefit cap now", "speaking-for-charity"));
  CHECK(has("Our charity recommends SunnyCare for home help, tell them Carers in Beds sent you", "speaking-for-charity"));
  CHECK(has("Our treasurer's niece has just opened a nail bar in Sandy, quote CIB10 for 10% off", "charity-account-misuse",
            kCharity));
  CHECK(has("Proud mum moment, my little man starts Reception tomorrow", "charity-account-misuse", kCharity));
}

// The fifth round (5A in dev's style, 5B subtle both ways): what it found missing, in words of its own.
TEST_CASE("fresh posts, fifth round: what the policy had missed") {
  // A street named after a venue is still a home address.
  CHECK(has("First prize goes to Jean Platt of 14 Chapel Close, Potton SG19 2PW", "personal-data", kCharity));
  CHECK(has("she lives at 8 Church Street, Sandy", "personal-data"));
  CHECK(has("Zoom host key for the trustees' call is 774102", "security"));
  CHECK(has("Absolute fcuking joke, this boiler", "disrepute"));
  CHECK(has("So proud of Imran Qureshi who finally got his dad's Continuing Healthcare funding agreed",
            "client-confidentiality"));
  CHECK(has("One of my carers can't get to the shops since her husband stopped driving, so I'll take her with me "
            "on my Saturday shop",
            "professional-boundaries"));
  CHECK(has("Carers from the Kempston group: I've made a chat group on my own profile, search for me and I'll let "
            "you in",
            "professional-boundaries"));
  CHECK(has("Struggling tonight? Our volunteer Denise is happy for you to ring her at home", "professional-boundaries",
            kCharity));
  CHECK(has("Unpopular opinion: mint choc chip is the best ice cream, fight me", "charity-account-misuse", kCharity));
  CHECK(has("Twelve years and not one thank you from the senior team. Good luck finding someone on that salary",
            "work-grumble"));
  CHECK(has("Not being funny but the families from certain communities always want more", "disrepute"));
  CHECK(has("Proud that my charity won't take a penny from gambling firms now", "speaking-for-charity"));
}

// The sixth round (6A in dev's style, 6B on the four categories that depend most on wording).
TEST_CASE("fresh posts, sixth round: what the policy had missed") {
  struct Missed {
    const char* text;
    const char* category;
    Context context;
  };
  for (const Missed& m : std::initializer_list<Missed>{
           {"Whoever keeps nicking the bench plaque at the park: when I catch you, you'll be joining him", "disrepute",
            kPersonal},
           {"Honestly I wouldn't trust a Polish carer anywhere near my nan", "disrepute", kPersonal},
           {"Another shift entertaining the dribbling brigade at the day centre, send wine", "disrepute", kPersonal},
           {"If that lad revs his bike outside my flat once more he'll be leaving in an ambulance", "disrepute", kPersonal},
           {"Ten adults with learning disabilities and a karaoke machine, like feeding time at the zoo", "disrepute",
            kPersonal},
           {"@SomeTroll maybe read the post first, you sad little troll", "disrepute", kCharity},
           {"Us lot at @CarersinBeds reckon the new parking rules are a massive step backwards", "speaking-for-charity",
            kPersonal},
           {"Speaking for the whole Young Carers team at CiB: the phone ban would be a disaster", "speaking-for-charity",
            kPersonal},
           {"Can confirm @CarersinBeds won't be taking part in the consultation, it's a sham", "speaking-for-charity",
            kPersonal},
           {"Young carers from the Sandy group: add my discord, we can play online together", "professional-boundaries",
            kPersonal},
           {"One of my carers in Potton has asked me to be godmother to her granddaughter, of course I said yes",
            "professional-boundaries", kPersonal},
           {"Hi Pat! I'll pop round to yours this evening and we can do the forms off the clock",
            "professional-boundaries", kCharity},
           {"Six weeks and IT still haven't fixed the printer, but somehow there was enough for a new sofa for the "
            "directors",
            "work-grumble", kPersonal},
           {"Sunday 9pm and a quick favour from the boss. Thanks for respecting my weekend", "work-grumble", kPersonal},
       }) {
    INFO(m.text);
    CHECK(has(m.text, m.category, m.context));
  }
}

TEST_CASE("fresh posts, fourth round: harmless posts the new terms must leave alone") {
  for (const char* text : {
           "Thanks to Sandy Sports Club for lending us the minibus for the young carers' tournament",
           "We're hiring a Young Carers Support Worker in Luton, see carersinbeds.org.uk/jobs",
           "Carers' café this Tuesday at Priory House, 33 High Street South, Dunstable LU6 3RZ. Free tea and cake, "
           "just turn up",
           "Our corporate partners programme passed £50k this year #CharityLife",
           "I'd do her shopping every week if she asked, she's my mum",
           "Let's see what happens at the hustings on Thursday",
           "Carers' bingo night is back on Friday, all welcome",
           "I don't mind which day, the helpline is 01234 567890",
           "Running the Bedford Half for Carers in Bedfordshire, who support unpaid carers. Link in my bio!",
           "One in seven workers is juggling a job with unpaid care, says Carers UK. Be kind.",
           "Massive thanks to my manager Louise for covering my visits when my little one was poorly",
           "Join us at the church hall on Mill Road for the carers' coffee morning, all welcome",
           "And guess who won the raffle? Our own Sheila!",
           "Moving the café to Tuesdays was the right decision, it's packed every week",
           "We at Carers in Beds are hiring a finance assistant, see our website",
           "From all of us at Carers in Bedfordshire, happy Carers Week!",
           "Our charity supports Carers Week every year",
           "The lad I ended up with in the pub quiz team was brilliant at the music round",
           "Naming no names, but someone brought amazing brownies to the team meeting!",
           "The carers are what stay with me after every session at the memory café",
           "Team away day at the country park: paddleboards, a picnic and not a single email",
           "Our young carers game together every Saturday at the club, join our Discord server to hear more",
           "If you're a carer I support, please don't DM me on here, I can't reply from my personal account. Email the "
           "team instead",
           "Our little troll costume winner at the Halloween party!",
           "The new hub is conveniently off the A6, with parking",
           "My dad is the world's worst loser at Monopoly: flipped the board at Christmas and we never let him forget it",
           "Tried to explain TikTok to Grandma. She now thinks I work for the Tic Tac people",
           "Spotted a shag drying its wings on the Great Ouse this morning #birdwatching",
       }) {
    INFO(text);
    CHECK(clean(text, kPersonal));
  }
  CHECK(clean("Posting from my own phone as the laptop died: the carers' walk is Sunday 10am from Market Square",
              kCharity));
  for (const char* text : {
           "Proud mum moment for our volunteer Sue: her son graduated today!",
           "Our first house-to-house collection raised £400 in Sandy, thank you!",
           "Lost to Spurs again, but the carers' five-a-side team had fun",
           "Remember that when you vote, carers are one in seven voters, so ask every candidate about carers",
           "Did you see the carer storyline in last night's episode? If it affected you, call our helpline",
           "Meet the team! This is Lucy, our new Hospital Discharge Coordinator, who loves pub quizzes",
       }) {
    INFO(text);
    CHECK(clean(text, kCharity));
  }
}

// Harmless posts on which a review found this round's first terms firing; each term was dropped or narrowed.
TEST_CASE("fresh posts: harmless posts that the widened vocabularies must leave alone") {
  for (const char* text : {
           "Young carers enjoyed a free day out at Woburn with our team",
           "Christmas drinks with the carers team on Friday, all staff welcome",
           "Well done Jo, hitting her £500 target for the young carers appeal!",
           "Carol singing at the hospice on Friday with the carers choir",
           "Will miss u at the hospice walk, carers!",
           "Stella from the council gave us the all clear for the carers fun day",
           "CiB can help you sort it out: call our carers helpline",
           "Morale is high after the carers awards night",
           "Carer's Allowance is £83.30 pw (from April 2025)",
           "Key safe fitting for carers: 01234 567890",
           "Password guidance has been updated to 2025 standards",
       }) {
    INFO(text);
    CHECK(clean(text, kCharity));
    CHECK(clean(text, kPersonal));
  }
  // ("prosecco" itself is personal life on the charity's account, a decision older than this round.)
  CHECK(clean("Prosecco night fundraiser for our young carers at the Corn Exchange", kPersonal));
  for (const char* text : {"Happy anniversary to our Carers Cafe, five years today!",
                           "Feeling stressed? Our wellbeing sessions for carers start on Monday",
                           "Didn't sleep last night? Five tips from our carers team", "Jean and her hubby joined our walk",
                           "Thank you to my gorgeous colleagues for a brilliant carers week"}) {
    INFO(text);
    CHECK(clean(text, kCharity));
  }
}

TEST_CASE("fresh posts: personal life on the charity's account") {
  for (const char* text : {"Anyone know a good plumber in Ampthill? Mine's let me down AGAIN",
                           "Tickets for my band's gig at Esquires, Friday 8pm", "Feeling so stressed today",
                           "Feeling SO rough after last night's gin"}) {
    INFO(text);
    CHECK(has(text, "charity-account-misuse", kCharity));
  }
}

TEST_CASE("name-calling without a swear word warns; everyday 'idiot' about yourself stays clean") {
  for (const char* text : {
           "The bloke at the garage is a total moron",
           "Our MP is a spineless weasel",
           "That gormless plank gave me the wrong change again",
       }) {
    INFO(text);
    const Finding f = finding(text, "disrepute");
    CHECK(f.severity == Severity::warn);
  }
  CHECK(clean("I'm such an idiot, left my keys on the bus again"));
  CHECK(clean("What a pillock I am, forgot my lunch"));
}

TEST_CASE("threats, hostility and mockery without slurs block") {
  for (const char* text : {
           "Whoever dented my van, I will make them regret it",
           "Come near my kids again and you won't walk straight for a week",
           "Travellers are back on the rec by the Kempston bypass, lock up your sheds",
           "The old dear at the bank was doddery as anything lol, took her an age to sign",
           "People who claim benefits are subhuman",
       }) {
    INFO(text);
    const Finding f = finding(text, "disrepute");
    CHECK(f.severity == Severity::block);
  }
}

TEST_CASE("work grumbles in open phrasing; positive work posts stay clean") {
  for (const char* text : {
           "Line manager has cancelled my supervision again. Taking the hint",
           "Pay freeze for another year while head office gets a refit",
           "Printer jammed again. Is it too much to ask for equipment that works?",
           "My leave for half term was refused, booked it months ago",
           "Two of us on the late shift again. Brilliant planning as ever",
           "Three weeks waiting for finance to sign off my mileage claim",
       }) {
    INFO(text);
    CHECK(has(text, "work-grumble"));
  }
  for (const char* text : {
           "My manager swapped my shift so I could see the school nativity. Best boss",
           "Team away day at Woburn, we planned the whole year and had a laugh",
           "Our trustees came to meet the frontline team and listened to every one of us",
           "Thank you to HR for sorting my flexible working so quickly",
           "Training day on carers' rights today, the trainer was brilliant",
       }) {
    INFO(text);
    CHECK(clean(text));
  }
}

TEST_CASE("speaking for the charity: wider stances, but recruitment and pride stay clean") {
  for (const char* text : {
           "The official line from my charity is that the bill needs stronger safeguards",
           "Everyone at Carers in Bedfordshire agrees the benefit cap has to go",
           "Carers in Beds says no to the airport expansion",
           "Our organisation's position is that carers should get free prescriptions",
       }) {
    INFO(text);
    CHECK(has(text, "speaking-for-charity"));
  }
  for (const char* text : {
           "Carers in Bedfordshire are calling for volunteers for the Christmas party, sign up online",
           "As a trustee of Carers in Bedfordshire I'm delighted to share our annual report",
           "I volunteer for Carers in Bedfordshire because I was a young carer myself",
       }) {
    INFO(text);
    CHECK(clean(text));
  }
}

TEST_CASE("professional boundaries: socialising, favours and own channels; charity signposting stays clean") {
  for (const char* text : {
           "Carers from my Tuesday group, text my mobile if the office line is busy",
           "Offered to babysit for one of the families I support on Saturday",
           "A carer I support wants me to be the executor of her will",
           "Had one of my clients round for tea at mine on my day off",
       }) {
    INFO(text);
    CHECK(has(text, "professional-boundaries"));
  }
  for (const char* text : {
           "Carers, if you need someone out of hours, the Samaritans are there day or night",
           "A voucher for a free cuppa for every carer at the Carers Week picnic",
       }) {
    INFO(text);
    CHECK(clean(text, kCharity));
  }
}

TEST_CASE("charity account: personal life and selling, but the charity's own sessions and sales stay clean") {
  for (const char* text : {
           "Nearly my 50th, where has the time gone",
           "Moving house this weekend, wish me luck",
           "Kids' bikes, good condition, £20 the lot",
       }) {
    INFO(text);
    CHECK(has(text, "charity-account-misuse", kCharity));
  }
  CHECK(finding("Sunak's record on social care is shameful", "charity-account-misuse", kCharity).severity ==
        Severity::block);
  for (const char* text : {
           "Mondays and Thursdays: drop-in advice sessions at our Bedford office",
           "Need a coffee and a chat? Our carers' cafe is open every Friday in Ampthill",
           "Christmas cards for sale at all our offices, proceeds to young carers",
           "Our Men's Carers Group walks Dunstable Downs monthly. Boots optional, banter compulsory.",
       }) {
    INFO(text);
    CHECK(clean(text, kCharity));
  }
}
