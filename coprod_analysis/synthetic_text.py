"""Sentence pools for the synthetic sample (:mod:`coprod_analysis.synthetic`).

Everything here is invented. The evaluation pools (takeaways, pledges,
improvements) are drawn from by the evaluation exports; the challenge pools
below are drawn from by the group review exports, where each review's
"Describe the challenges your group faces" answer says what the group ticked
under "What gets in the way?" in other words.

Changing a pool changes the bytes of the committed sample: regenerate it and
re-check ``data/sample/README.md`` afterwards.
"""

from __future__ import annotations

from coprod_analysis.vocab import CHALLENGE_THEMES

# --- Evaluation form ---------------------------------------------------------

TAKEAWAYS = (
    "Co-production means being involved from the start, not just asked to comment at the end.",
    "There are different levels of involvement and we are mostly at the bottom of the ladder.",
    "That patients and staff should be equal partners.",
    "My experience as a patient is a kind of expertise.",
    "The difference between consultation and co-production.",
    "Tokenism is easy to spot once you know what to look for.",
    "That I can ask what happened to our feedback.",
    "You said, we did. Feedback should always go back to people.",
    "How to tell if a project is really co-produced.",
    "Being a carer gives me a voice in how services are designed.",
    "It's fine to ask questions when staff use jargon.",
    "That the CCG actually wants to hear from people like me.",
    "The examples from other areas were really inspiring.",
    "Co-production takes time and you can't rush it.",
    "The ladder of participation. I will use it in our PPG.",
    "Meeting other patient champions from across Leeds.",
    "Always ask who is missing from the room.",
    "Patients should help evaluate services, not just design them.",
    "I learnt what a patient champion actually does.",
    "Confidence to speak up at my practice's PPG meeting.",
    "Co-design and co-delivery are not the same thing.",
    "Small changes count, like agreeing the agenda together.",
    "The checklist for judging whether involvement is real.",
    "Everyone's role should be agreed at the beginning.",
    "It's OK to challenge when something feels like box-ticking.",
    "Staff find this hard too, which was reassuring.",
    "Listening is as important as talking.",
    "The story about the diabetes clinic redesign.",
    "How to feed back to the CCG board.",
    "I'm not the only carer who feels left out of decisions.",
    "Lots of practical tips for our patient group.",
    "Power sharing: who really makes the decision?",
    "Good co-production needs good communication.",
    "As a volunteer I can hold the CCG to account.",
)
PLEDGES = (
    "I will join my GP practice's patient participation group.",
    "To ask at our next PPG meeting how patients helped plan the new appointments system.",
    "I will share what I learnt with my carers' group.",
    "Speak up more at meetings.",
    "I pledge to make sure feedback goes back to patients.",
    "To involve patients from the start of our next project.",
    "I'll read the co-production guide before our next meeting.",
    "To bring a friend to the next session.",
    "Use the ladder to review what our group does.",
    "I will volunteer for the CCG's readers' panel.",
    "Ask who else should be at the table.",
    "I'll stop using jargon in our newsletter.",
    "To get more young people involved in our PPG.",
    "I will ask the practice manager about a 'you said, we did' board.",
    "Keep going even when it feels like nobody is listening.",
    "To be more patient with staff, they are learning too.",
    "I will sign up as a patient champion.",
    "Put co-production on the agenda of our next steering group.",
    "I'll share my experience of caring for my mum to help shape services.",
    "Invite patients to help write our next survey.",
    "To check that everyone in our group gets a chance to speak.",
    "I will look into funding for our carers' cafe.",
    "Help staff evaluate the new physio service.",
    "Attend the next network meeting.",
    "I pledge to listen more and talk less!",
    "Tell my neighbours about the patient champion role.",
    "Ask for plain English in all papers sent to our group.",
    "I will mentor a new volunteer.",
    "Make our PPG meetings more welcoming to new members.",
    "Encourage my practice to involve patients in interviewing staff.",
    "Review our terms of reference together with the practice.",
    "Not sure yet, I need to think about it.",
)
#: (theme, text); themes "time", "pace" and "venue" are weighted up for weak sessions.
IMPROVEMENTS = (
    ("time", "More time, it felt rushed at the end."),
    ("time", "Make it a full day rather than a morning."),
    ("time", "More time for questions."),
    ("time", "The group work needed longer."),
    ("time", "Two shorter sessions instead of one long one."),
    ("pace", "Slow down a bit, there was a lot to take in."),
    ("pace", "The pace was too fast after the break."),
    ("pace", "Fewer slides and more discussion."),
    ("venue", "Parking was difficult, I couldn't find a space."),
    ("venue", "The room was too small and too warm."),
    ("venue", "Better directions to the venue, I got lost."),
    ("venue", "The hearing loop wasn't working."),
    ("venue", "Step-free access please, the lift was out of order."),
    ("venue", "A venue nearer a bus route."),
    ("jargon", "Less jargon please, too many acronyms."),
    ("jargon", "Explain what CCG and PPG stand for at the start."),
    ("jargon", "Plain English on the slides."),
    ("examples", "More real examples from Leeds."),
    ("examples", "Hear from a patient who has done it."),
    ("examples", "Case studies of co-production going wrong as well as right."),
    ("mixing", "More mixing of patients and staff in the groups."),
    ("mixing", "Staff and patients sat separately, mix us up."),
    ("mixing", "Have more staff there to hear from patients."),
    ("handouts", "Handouts to take home would be useful."),
    ("handouts", "Send the slides afterwards."),
    ("handouts", "A list of useful contacts and websites."),
    ("other", "Nothing, it was great."),
    ("other", "It was perfect as it was."),
    ("other", "Better refreshments!"),
    ("other", "A follow-up session in a few months."),
    ("other", "A microphone for the speakers, hard to hear at the back."),
    ("other", "Larger print on the handouts."),
    ("other", "Breaks more often."),
)


# --- Group review form -------------------------------------------------------

#: The challenge themes (contract section 2): code -> label as the form shows it.
CHALLENGE_LABELS = CHALLENGE_THEMES

#: Theme code -> (clause, who may say it). Each clause says what its theme means
#: without naming it; clauses start in lower case (unless "I") and have no final
#: stop, so that two can be joined into one sentence. "Who" holds tags: ``ppg``
#: (only a GP practice's group may say it) or ``nonppg`` (only another kind of
#: group), and the voices that may say it (``manager``, ``chair``,
#: ``volunteer``; any one of them will do). Empty means anyone.
CHALLENGE_TEXT = {
    "not_productive": (
        ("meetings go round in circles and nothing actually changes", ""),
        ("we talk a lot but there is very little to show for it at the end of the year", ""),
        ("the same action points come back month after month", ""),
        ("we often leave a meeting without having decided anything", ""),
    ),
    "tokenism": (
        ("we only ever get asked after it's all decided", ""),
        ("our views go in the minutes and are then quietly forgotten", ""),
        ("patients are invited to sign things off rather than shape them", ""),
        ("it can feel as if the group exists so the practice can tell the CQC it has one", "ppg"),
        ("the CCG shows us its plans once they are finished and calls that engagement",
         "nonppg"),
        ("I worry the partners see the group as something to show inspectors rather than a help",
         "ppg manager"),
    ),
    "personal_agendas": (
        ("one or two members mainly come to raise their own complaints", ""),
        ("some people are there to push their own cause rather than the group's", ""),
        ("meetings get pulled towards whoever has a grievance that week", ""),
        ("a couple of members see the group as a way to get seen quicker themselves", "ppg"),
    ),
    "concerns_not_addressed": (
        ("issues we raise never get a proper answer", ""),
        ("we raised the problems with the phone lines a year ago and are still waiting", "ppg"),
        ("when patients bring up a worry it tends to get parked for another day", ""),
        ("the questions we send to the CCG board come back unanswered", "nonppg"),
    ),
    "intimidation": (
        ("newer members say they feel nervous speaking in front of the doctors", "ppg"),
        ("some people find it daunting to sit round a table with consultants and managers", ""),
        ("a few members were made to feel silly for asking questions", ""),
        ("people are wary of speaking up in case it affects their own care", ""),
    ),
    "lack_of_focus": (
        ("the agenda tries to cover everything so we never get to the bottom of anything", ""),
        ("we drift from topic to topic without a clear purpose", ""),
        ("nobody is quite sure what the group is for any more", ""),
    ),
    "differences_in_opinion": (
        ("members disagree strongly about whether we should be fundraising or campaigning", ""),
        ("patients and staff see the priorities very differently", ""),
        ("there are two camps in the group and they rarely see eye to eye", ""),
    ),
    "funding": (
        ("there is no budget for anything, not even tea and biscuits", ""),
        ("we had to stop printing a newsletter because nobody would pay for the postage", ""),
        ("we pay for printing out of our own pockets", ""),
        ("there's no money for room hire", ""),
        ("every good idea stops when someone asks who is going to pay for it", ""),
        ("as a volunteer I can't keep paying my own bus fares to meetings", "volunteer"),
        ("the practice has no money set aside for the group", "ppg manager"),
    ),
    "lack_of_empathy": (
        ("some staff don't really get what it's like to wait weeks for an appointment", "ppg"),
        ("it is hard for people who are well to see things from a carer's point of view", ""),
        ("professionals struggle to imagine life on the other side of the desk", ""),
        ("decisions are made by people who have never had to use the service themselves", ""),
    ),
    "lack_of_respect": (
        ("members are talked over or interrupted", ""),
        ("patient members are sometimes treated as a nuisance", ""),
        ("our contributions are brushed aside", ""),
        ("volunteers are kept waiting and meetings start without them", ""),
    ),
    "domination": (
        ("the GP always does most of the talking", "ppg"),
        ("the same two or three voices fill every meeting", ""),
        ("staff set the agenda and lead every discussion", ""),
        ("the chair runs the meeting as a one-person show", "manager volunteer"),
        ("the CCG officers do most of the talking and we mostly listen", "nonppg"),
    ),
    "time": (
        ("most of us work or care for someone so daytime meetings are hard", ""),
        ("the staff are always rushing back to clinic", "ppg"),
        ("we only get half an hour at lunchtime to meet", ""),
        ("everyone is stretched and the group is the first thing to be dropped", ""),
        ("nobody has a spare hour in the week to prepare", ""),
        ("people's diaries are full weeks ahead", ""),
        ("the surgery can only offer a slot at two in the afternoon, when most members are at work",
         "ppg"),
        ("as practice manager I struggle to free up clinicians to attend", "ppg manager"),
        ("as chair I end up doing most of the work between meetings on my own", "chair"),
    ),
    "communication": (
        ("we hear about changes at the surgery from the local paper before the practice tells us",
         "ppg"),
        ("minutes go out weeks late, if at all", ""),
        ("letters from the CCG are full of jargon and acronyms", ""),
        ("nobody tells us what happened to our suggestions", ""),
        ("we find out about decisions second-hand", ""),
        ("we don't hear what's going on until it's already happened", ""),
        ("nobody replies when we write to the CCG", "nonppg"),
        ("the practice website still lists last year's meeting dates", "ppg"),
        ("as chair I have to chase for any news", "chair"),
    ),
    "motivation": (
        ("it is hard to keep people coming once the novelty wears off", ""),
        ("attendance has dropped to a handful of regulars", ""),
        ("it's the same few faces every month", ""),
        ("people lose heart when nothing seems to happen", ""),
        ("volunteers like me drift away when we can't see any difference", "volunteer"),
    ),
    "organisation": (
        ("meetings get cancelled at short notice", ""),
        ("papers arrive on the day so nobody has read them", ""),
        ("there's no proper system for booking rooms or sending out the agenda", ""),
        ("I don't have the admin support to send papers out in good time", "ppg manager"),
    ),
    "not_understanding": (
        ("several members aren't sure what co-production actually means", ""),
        ("staff think involving patients means handing out a survey", ""),
        ("people confuse being consulted with being involved", ""),
    ),
}

#: How two clauses are joined into one sentence.
JOINERS = (", and ", "; ", " and ", ", and ", "; ", ", and also ")

#: Theme code -> the ways a typist wrote it in the paper form's "Challenges" column.
PAPER_CHALLENGE_WORDS = {
    "not_productive": ("not productive", "Not being productive"),
    "tokenism": ("tokenism", "Tokenism"),
    "personal_agendas": ("personal agendas", "Personal agenda"),
    "concerns_not_addressed": ("concerns not addressed", "Not addressing concerns"),
    "intimidation": ("intimidation", "Intimidating"),
    "lack_of_focus": ("lack of focus", "Focus"),
    "differences_in_opinion": ("differences of opinion", "Differences in opinion"),
    "funding": ("funding", "Funding", "lack of funding"),
    "lack_of_empathy": ("empathy", "Unable to empathise"),
    "lack_of_respect": ("respect", "Lack of respect"),
    "domination": ("domination", "Dominating"),
    "time": ("time", "Time", "Lack of time"),
    "communication": ("communication", "Comms", "Communication"),
    "motivation": ("motivation", "Motivation", "lack of motivation"),
    "organisation": ("organisation", "Organization"),
    "not_understanding": ("not understanding", "Not understanding what it is"),
}
