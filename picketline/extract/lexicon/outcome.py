# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""Cues for how a struggle stood when the article was written.

Cue kinds: ``won`` (demands met), ``partial`` (a deal or compromise without
victory words), ``lost``, ``ended`` (it stopped, result unsaid) and
``ongoing`` (it continues or has just begun).
"""

from __future__ import annotations

OUTCOME_CUES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            r"\b(?:won|win|wins|winning)\b(?!['’]t)(?! (?:the )?(?:election|match|game|vote|seat))"
            r"|\bvictor(?:y|ies|ious)\b|\bawarded\b|\bdemands (?:were |have been )?met\b"
            r"|\bmet (?:their|all|the workers'?) demands\b|\bconcede\w*|\bgave in\b"
            r"|\b(?:received|got|were paid) (?:their |the )?(?:back[- ]?pay|wages|money|salar\w+)"
            r"|\bsecured (?:a|an|their|the)\b|\bthe money arrived\b|\bagreed to (?:pay|meet|all)\b",
            "won",
        ),
        (
            r"\bcompromise\b|\bpartial\w*|\bsome of (?:their|the) demands\b|\bdeal (?:was |has been )?"
            r"(?:reached|struck|agreed)\b|\bagreement (?:was |has been )?reached\b|\breached (?:a|an)"
            r" (?:deal|agreement|settlement)\b|\baccepted (?:a|an|the) (?:\S+ )?(?:offer|deal)\b"
            r"|\bnew contract\b|\bsettlement\b",
            "partial",
        ),
        (
            r"\b(?:defeated|lost the (?:strike|battle|dispute)|without (?:any )?(?:gains|concessions)"
            r"|empty-handed|were forced back|forced to return)\b",
            "lost",
        ),
        (
            r"\b(?:come to an end|came to an end|ended|ends|is over|was over|called off"
            r"|suspended (?:the|their) (?:strike|action|protest)|return(?:ed)? to work|back on the job"
            r"|back at work|back to work|resumed work|end(?:ed)? (?:the|their) (?:strike|action))\b",
            "ended",
        ),
        (
            r"\b(?:continu\w+|ongoing|entered (?:its|their|the) \w+ (?:day|week|month)|still on strike"
            r"|remain(?:s|ed)? on strike|are on strike|is on strike|have begun|has begun|began"
            r"|went on strike|are striking|vowed to (?:continue|stay))\b",
            "ongoing",
        ),
    ],
    "ru": [
        (
            r"\bпобед\w+|\bдобил\w+|\bвыплатил\w*|\bпогасил\w*|\bтребовани\w+ (?:были )?(?:выполнен"
            r"|удовлетворен)\w*|\bполучил\w* (?:зарплат|долг|деньги|выплат)\w*",
            "won",
        ),
        (
            r"\bкомпромисс\w*|\bчастичн\w+ (?:выплат|погашени)\w*|\bдоговорил\w*|\bсоглашени\w+"
            r" (?:было )?достигнут\w*|\bдостигл\w+ соглашени\w*",
            "partial",
        ),
        (r"\bбез результат\w*|\bничего не добил\w*|\bпоражени\w*", "lost"),
        (
            r"\bзавершил\w*|\bзакончил\w*|\bпрекратил\w* (?:забастовк|голодовк|акци|протест)\w*"
            r"|\bприступил\w* к работе|\bвернул\w* к работе|\bвышли из шахты|\bподнял\w+ на"
            r" поверхность",
            "ended",
        ),
        (
            r"\bпродолжа\w+|\bначал\w*|\bвновь\b|\bсутки\b|\bуже \w+ (?:дн|недел)\w*|\bне прекраща\w+",
            "ongoing",
        ),
    ],
    "uk": [
        (
            r"\bперемог\w+|\bдомогл\w+|\bвиплатил\w*|\bпогасил\w*|\bвимог\w+ (?:було )?(?:виконан"
            r"|задоволен)\w*|\bотримал\w* (?:зарплат|борг|гроші|виплат)\w*",
            "won",
        ),
        (
            r"\bкомпроміс\w*|\bчастков\w+ (?:виплат|погашенн)\w*|\bдомовил\w*|\bугод\w+ (?:було )?"
            r"досягнут\w*|\bдосягл\w+ згод\w*",
            "partial",
        ),
        (r"\bбез результат\w*|\bнічого не домогл\w*|\bпоразк\w*", "lost"),
        (
            r"\bзавершил\w*|\bзакінчил\w*|\bприпинил\w* (?:страйк|голодуванн|акці|протест)\w*"
            r"|\bприступил\w* до роботи|\bповернул\w* до роботи|\bпіднял\w+ на поверхню"
            r"|\bвийшли з шахти",
            "ended",
        ),
        (
            r"\bпродовжу\w+|\bрозпочал\w*|\bпочал\w*|\bзнову\b|\bдоб[уи]\b|\bвідмовляю\w+"
            r"|\bперебувають\b",
            "ongoing",
        ),
    ],
}
