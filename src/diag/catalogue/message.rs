//! The main message of every kind, in Indonesian and English.

use super::*;

/// The main message.
pub fn message(kind: &Kind, lang: Lang) -> String {
    use Lang::*;
    match (kind, lang) {
        (Kind::Syntax { found: Some(f), expected, .. }, Id) if !expected.is_empty() => {
            format!("tidak dapat membaca `{f}`: yang diharapkan {}", one_of(expected, lang))
        }
        (Kind::Syntax { found: Some(f), expected, .. }, En) if !expected.is_empty() => {
            format!("cannot read `{f}`: expected {}", one_of(expected, lang))
        }
        (Kind::Syntax { found: None, expected, .. }, Id) if !expected.is_empty() => {
            format!("belum lengkap: yang diharapkan {}", one_of(expected, lang))
        }
        (Kind::Syntax { found: None, expected, .. }, En) if !expected.is_empty() => {
            format!("incomplete: expected {}", one_of(expected, lang))
        }
        (Kind::Syntax { found, .. }, _) => match found {
            Some(f) => format!("{} `{f}`", lang.pick("tidak dapat membaca", "cannot read")),
            None => lang.pick("teks tidak dapat dibaca", "cannot read the text").to_string(),
        },
        (Kind::EmptyFile, _) => lang.pick("berkas kosong", "the file is empty").into(),
        (Kind::NotUtf8 { offset }, Id) => format!("berkas bukan teks UTF-8 (byte ke-{offset} tidak sah)"),
        (Kind::NotUtf8 { offset }, En) => format!("the file is not UTF-8 text (byte {offset} is invalid)"),
        (Kind::TooDeep { limit }, Id) => format!("kurung bersarang lebih dari {limit} tingkat"),
        (Kind::TooDeep { limit }, En) => format!("brackets are nested more than {limit} levels deep"),
        (Kind::TooManyErrors { more }, Id) => format!("{more} baris lain juga tidak dapat dibaca dan tidak ditampilkan satu per satu"),
        (Kind::TooManyErrors { more }, En) => format!("{more} more lines cannot be read either and are not listed one by one"),
        (Kind::DuplicateItem { item }, Id) => format!("{} ditulis lebih dari sekali", phrase(*item, lang)),
        (Kind::DuplicateItem { item }, En) => format!("{} is written more than once", phrase(*item, lang)),
        (Kind::UndefinedName { kind, name, .. }, Id) => {
            format!("{} `{name}` tidak didefinisikan", kind_word(*kind, lang))
        }
        (Kind::UndefinedName { kind, name, .. }, En) => {
            format!("{} `{name}` is not defined", kind_word(*kind, lang))
        }
        (Kind::DuplicateName { kind, name }, Id) => {
            format!("{} `{name}` didefinisikan lebih dari sekali", kind_word(*kind, lang))
        }
        (Kind::DuplicateName { kind, name }, En) => {
            format!("{} `{name}` is defined more than once", kind_word(*kind, lang))
        }
        (Kind::UnusedName { kind, name }, Id) => {
            format!("{} `{name}` tidak pernah digunakan", kind_word(*kind, lang))
        }
        (Kind::UnusedName { kind, name }, En) => format!("{} `{name}` is never used", kind_word(*kind, lang)),
        (Kind::AmbiguousName { name, procedures }, Id) => format!(
            "`{name}` ada di beberapa prosedur: {}",
            ticks(procedures)
        ),
        (Kind::AmbiguousName { name, procedures }, En) => {
            format!("`{name}` is in several procedures: {}", ticks(procedures))
        }
        (Kind::UnreachableStep { step }, Id) => format!("langkah `{step}` tidak pernah tercapai dari awal prosedur"),
        (Kind::UnreachableStep { step }, En) => format!("step `{step}` can never be reached from the start"),
        (Kind::NoWayToEnd { step }, Id) => format!("dari langkah `{step}` tidak ada jalan ke akhir prosedur"),
        (Kind::NoWayToEnd { step }, En) => format!("step `{step}` has no way to an end of the procedure"),
        (Kind::LoopWithoutExit { steps }, Id) => {
            format!("putaran tanpa jalan keluar: {}", ticks(steps))
        }
        (Kind::LoopWithoutExit { steps }, En) => format!("a loop with no way out: {}", ticks(steps)),
        (Kind::MissingOutcome { missing: Some(m) }, Id) => format!("keputusan tidak punya hasil `{m}`"),
        (Kind::MissingOutcome { missing: Some(m) }, En) => format!("the decision has no `{m}` outcome"),
        (Kind::MissingOutcome { missing: None }, Id) => "keputusan perlu paling sedikit dua hasil".into(),
        (Kind::MissingOutcome { missing: None }, En) => "a decision needs at least two outcomes".into(),
        (Kind::DuplicateOutcome { name }, Id) => format!("hasil `{name}` ditulis dua kali dalam satu keputusan"),
        (Kind::DuplicateOutcome { name }, En) => format!("outcome `{name}` is written twice in one decision"),
        (Kind::MissingComponent { number }, _) => {
            let (id, en, _) = component(*number);
            match lang {
                Id => format!("komponen {number} ({id}) tidak ada"),
                En => format!("component {number} ({en}) is missing"),
            }
        }
        (Kind::MissingItem { item, within }, Id) => {
            format!("{} tidak punya {}", kind_word(*within, lang), phrase(*item, lang))
        }
        (Kind::MissingItem { item, within }, En) => {
            format!("the {} has no {}", kind_word(*within, lang), phrase(*item, lang))
        }
        (Kind::StaffingMismatch { acting, declared, uncovered }, Id) if *acting as u64 <= *declared => format!(
            "peran internal {} bertugas tetapi tidak tercakup dalam jumlah pelaksana",
            ticks(uncovered)
        ),
        (Kind::StaffingMismatch { acting, declared, uncovered }, En) if *acting as u64 <= *declared => format!(
            "internal roles {} perform steps but are not covered by staffing",
            ticks(uncovered)
        ),
        (Kind::StaffingMismatch { acting, declared, .. }, Id) => format!(
            "{acting} peran internal melaksanakan langkah, tetapi jumlah pelaksana hanya {declared} orang"
        ),
        (Kind::StaffingMismatch { acting, declared, .. }, En) => format!(
            "{acting} internal roles perform steps, but staffing declares only {declared} people"
        ),
        (Kind::MissingVersion { service }, Id) => format!("layanan `{service}` tidak punya `versi`"),
        (Kind::MissingVersion { service }, En) => format!("service `{service}` has no `version`"),
        (Kind::ChannelWithoutReply { channel }, Id) => format!("pengaduan lewat `{channel}` tidak punya aturan balasan"),
        (Kind::ChannelWithoutReply { channel }, En) => format!("complaints by `{channel}` have no reply rule"),
        (Kind::ReplyOnlyIntake { channel }, Id) => format!("saluran `{channel}` hanya untuk balasan: pengaduan tidak masuk lewat saluran itu"),
        (Kind::ReplyOnlyIntake { channel }, En) => format!("channel `{channel}` is reply-only: complaints do not come in by it"),
        (Kind::ReplyOnlyUnused { channel }, Id) => format!("saluran balasan `{channel}` tidak dipakai aturan balasan mana pun"),
        (Kind::ReplyOnlyUnused { channel }, En) => format!("reply-only channel `{channel}` is used by no reply rule"),
        (Kind::HandlerNotStated { tier }, Id) => format!("sumber tidak menyebut penangan pengaduan tingkat `{tier}`"),
        (Kind::HandlerNotStated { tier }, En) => format!("the source does not name who handles `{tier}` complaints"),
        (Kind::ReplyNotStated { channel }, Id) => format!("sumber tidak menyebut lewat saluran apa pengaduan dari `{channel}` dijawab"),
        (Kind::ReplyNotStated { channel }, En) => format!("the source does not say by which channel complaints by `{channel}` are answered"),
        (Kind::TierWithoutRoute { tier }, Id) => format!("tingkat `{tier}` tidak punya penangan"),
        (Kind::TierWithoutRoute { tier }, En) => format!("tier `{tier}` has no handler"),
        (Kind::TierClockOutsideComplaints { budget }, Id) => format!(
            "anggaran `{budget}` menurut tingkat hanya dapat ditulis dalam prosedur sebuah `pengaduan`"
        ),
        (Kind::TierClockOutsideComplaints { budget }, En) => format!(
            "budget `{budget}` per tier can only be written in a procedure of a `complaints` policy"
        ),
        (Kind::TierClockStart { budget }, Id) => format!(
            "anggaran `{budget}` menurut tingkat harus mulai setelah langkah yang keputusannya memilih tingkat"
        ),
        (Kind::TierClockStart { budget }, En) => format!(
            "budget `{budget}` per tier must start after the step whose decision chooses the tier"
        ),
        (Kind::TierClockOutcome { budget, outcome, tiers }, Id) => format!(
            "hasil `{outcome}` bukan tingkat pengaduan, jadi anggaran `{budget}` tidak punya waktu baginya; tingkat yang ada: {}",
            tiers.join(", ")
        ),
        (Kind::TierClockOutcome { budget, outcome, tiers }, En) => format!(
            "outcome `{outcome}` is not a complaint tier, so budget `{budget}` has no time for it; the tiers are: {}",
            tiers.join(", ")
        ),
        (Kind::TierClockWithoutDeadline { budget, tier, deadline: None }, Id) => format!(
            "tingkat `{tier}` tidak punya `tenggat`, jadi anggaran `{budget}` tidak punya waktu baginya"
        ),
        (Kind::TierClockWithoutDeadline { budget, tier, deadline: None }, En) => format!(
            "tier `{tier}` has no `deadline`, so budget `{budget}` has no time for it"
        ),
        (Kind::TierClockWithoutDeadline { budget, tier, deadline: Some(name) }, Id) => format!(
            "`{tier}` tidak punya `tenggat {name}`, jadi anggaran `{budget}` tidak punya waktu baginya"
        ),
        (Kind::TierClockWithoutDeadline { budget, tier, deadline: Some(name) }, En) => format!(
            "`{tier}` has no `deadline {name}`, so budget `{budget}` has no time for it"
        ),
        (Kind::NeverHappens { point }, Id) => format!("`{point}` tidak pernah terjadi, jadi ini tidak akan pernah berlaku"),
        (Kind::NeverHappens { point }, En) => format!("`{point}` never happens, so this never takes effect"),
        (Kind::NegativeDuration, _) => lang.pick("durasi negatif", "negative duration").into(),
        (Kind::ReversedRange { low, high }, Id) => format!("rentang `{low}..{high}` terbalik"),
        (Kind::ReversedRange { low, high }, En) => format!("range `{low}..{high}` is upside down"),
        (Kind::DecimalDuration { written, .. }, Id) => format!("`{written}`: waktu ditulis dengan bilangan bulat, tanpa koma atau titik desimal"),
        (Kind::DecimalDuration { written, .. }, En) => format!("`{written}`: times are whole numbers, without a decimal comma or point"),
        (Kind::UnknownUnit { unit, .. }, Id) => format!("satuan waktu `{unit}` tidak dikenal"),
        (Kind::UnknownUnit { unit, .. }, En) => format!("unknown unit of time `{unit}`"),
        (Kind::DurationTooLarge, _) => lang.pick("durasi lebih dari 10 tahun", "duration longer than 10 years").into(),
        (Kind::InvalidDate { text }, Id) => format!("tanggal `{text}` tidak ada"),
        (Kind::InvalidDate { text }, En) => format!("date `{text}` does not exist"),
        (Kind::InvalidNumber { text }, Id) => format!("bilangan `{text}` di luar rentang yang sah"),
        (Kind::InvalidNumber { text }, En) => format!("number `{text}` is out of range"),
        (Kind::IncludeNotFound { path, .. }, Id) => format!("berkas `{path}` tidak dapat dibaca"),
        (Kind::IncludeNotFound { path, .. }, En) => format!("cannot read file `{path}`"),
        (Kind::IncludeEscapesRoot { path, .. }, Id) => format!("`{path}` berada di luar folder standar"),
        (Kind::IncludeEscapesRoot { path, .. }, En) => format!("`{path}` is outside the standards folder"),
        (Kind::IncludeCycle { chain }, Id) => format!("berkas saling menyertakan: {}", chain.join(" → ")),
        (Kind::IncludeCycle { chain }, En) => format!("files include each other: {}", chain.join(" → ")),
        (Kind::IncludeTooDeep { limit }, Id) => format!("`sertakan` bersarang lebih dari {limit} tingkat"),
        (Kind::IncludeTooDeep { limit }, En) => format!("includes are nested more than {limit} levels deep"),
        (Kind::TooManyIncludes { limit }, Id) => format!("standar ini menyertakan lebih dari {limit} berkas"),
        (Kind::TooManyIncludes { limit }, En) => format!("this standard includes more than {limit} files"),
        (Kind::TextTooLong { limit }, Id) => format!("teks ini lebih panjang dari batas {} KiB", limit >> 10),
        (Kind::TextTooLong { limit }, En) => format!("this text is longer than the limit of {} KiB", limit >> 10),
        (Kind::TooManySteps { procedure, limit }, Id) => format!("prosedur `{procedure}` punya lebih dari {limit} langkah"),
        (Kind::TooManySteps { procedure, limit }, En) => format!("procedure `{procedure}` has more than {limit} steps"),
        (Kind::TooManyRoles { limit }, Id) => format!("standar ini punya lebih dari {limit} peran"),
        (Kind::TooManyRoles { limit }, En) => format!("this standard has more than {limit} roles"),
        (Kind::UnknownValue { kind, value, .. }, Id) => {
            format!("{} `{value}` tidak dikenal", value_word(*kind, lang).0)
        }
        (Kind::UnknownValue { kind, value, .. }, En) => {
            format!("unknown {} `{value}`", value_word(*kind, lang).0)
        }
        (Kind::ConflictingFlow { step }, Id) => format!("langkah `{step}` punya `lanjut` dan `keputusan` sekaligus"),
        (Kind::ConflictingFlow { step }, En) => format!("step `{step}` has both `next` and `decision`"),
        (Kind::FullDaysNotHours { unit }, Id) => format!("`x 24` hanya dipakai dengan `jam` (`1 x 24 jam` = sehari penuh), tidak dengan `{unit}`"),
        (Kind::FullDaysNotHours { unit }, En) => format!("`x 24` goes with `jam` only (`1 x 24 jam` = one whole day), not with `{unit}`"),
        (Kind::HoursAsDays { hours, days }, Id) => format!("`{hours} jam` dihitung sebagai {hours} jam kerja, bukan {days} hari penuh"),
        (Kind::HoursAsDays { hours, days }, En) => format!("`{hours} jam` counts {hours} working hours, not {days} whole days"),
        (Kind::CutOffWithFlow { step }, Id) => format!("tabel berhenti setelah langkah `{step}`, tetapi langkah itu juga menyebut ke mana perkara berlanjut"),
        (Kind::CutOffWithFlow { step }, En) => format!("the table stops after step `{step}`, but the step also says where the case goes on"),
        (Kind::CutOff { step, budgets }, Id) if budgets.is_empty() => format!("tabel prosedur sumber berhenti setelah langkah `{step}`"),
        (Kind::CutOff { step, budgets }, En) if budgets.is_empty() => format!("the source's procedure table stops after step `{step}`"),
        (Kind::CutOff { step, budgets }, Id) => format!("tabel prosedur sumber berhenti setelah langkah `{step}`: anggaran {} tidak dinilai", ticks(budgets)),
        (Kind::CutOff { step, budgets }, En) => format!("the source's procedure table stops after step `{step}`: budget {} is not judged", ticks(budgets)),
        (Kind::DuplicateStepNumber { number }, Id) => format!("nomor langkah {number} dipakai lebih dari sekali"),
        (Kind::DuplicateStepNumber { number }, En) => format!("step number {number} is used more than once"),
        (Kind::StepNumberOrder { number, after }, Id) => format!("nomor langkah {number} datang sesudah {after}"),
        (Kind::StepNumberOrder { number, after }, En) => format!("step number {number} comes after {after}"),
        (Kind::OneBranch { outcome, .. }, Id) => format!("keputusan hanya punya hasil `{outcome}`; cabang lainnya tidak tertulis"),
        (Kind::OneBranch { outcome, .. }, En) => format!("the decision has only the outcome `{outcome}`; the other branch is not written"),
        (Kind::MissingPerformer { step }, Id) => format!("langkah `{step}` tidak punya pelaksana (`oleh`)"),
        (Kind::MissingPerformer { step }, En) => format!("step `{step}` has no performer (`by`)"),
        (Kind::DuplicatePerformer { step, role }, Id) => format!("peran `{role}` ditulis dua kali sebagai pelaksana langkah `{step}`"),
        (Kind::DuplicatePerformer { step, role }, En) => format!("role `{role}` is written twice among the performers of step `{step}`"),
        (Kind::MissingTime { step }, Id) => format!("langkah `{step}` tidak punya `waktu`"),
        (Kind::MissingTime { step }, En) => format!("step `{step}` has no `time`"),
        (Kind::BudgetUnknown { budget, steps }, Id) => format!("anggaran `{budget}` tidak dapat diperiksa: waktu langkah {} tidak diketahui", ticks(steps)),
        (Kind::BudgetUnknown { budget, steps }, En) => format!("budget `{budget}` cannot be checked: the time of {} is unknown", ticks(steps)),
        (Kind::CalendarSyntax { message }, Id) => format!("berkas kalender tidak dapat dibaca: {}", crate::source::yaml_words::explain(message, lang)),
        (Kind::CalendarSyntax { message }, En) => format!("cannot read the calendar file: {message}"),
        (Kind::DuplicateDate { date }, Id) => format!("tanggal {date} tercantum lebih dari sekali"),
        (Kind::DuplicateDate { date }, En) => format!("date {date} is listed more than once"),
        (Kind::InvalidHours { text, overlap: true }, Id) => format!("jam kerja `{text}` bertumpang tindih dengan jam sebelumnya"),
        (Kind::InvalidHours { text, overlap: true }, En) => format!("working hours `{text}` overlap the previous ones"),
        (Kind::InvalidHours { text, .. }, Id) => format!("jam kerja `{text}` tidak sah"),
        (Kind::InvalidHours { text, .. }, En) => format!("working hours `{text}` are not valid"),
        (Kind::BudgetCannotFit { budget, shortest, limit, path }, Id) => format!(
            "anggaran `{budget}` tidak mungkin terpenuhi: jalur tercepat ({}) {} sedangkan anggarannya {}",
            crate::diag::path_words(path, lang),
            amount(shortest, lang),
            amount(limit, lang)
        ),
        (Kind::BudgetCannotFit { budget, shortest, limit, path }, En) => format!(
            "budget `{budget}` cannot be met: the shortest path ({}) takes {} and the budget is {}",
            crate::diag::path_words(path, lang),
            amount(shortest, lang),
            amount(limit, lang)
        ),
        (Kind::BudgetMayOverrun { budget, longest, limit, from, path }, Id) => format!(
            "anggaran `{budget}` dapat terlampaui: jalur terpanjang ({}) {} sedangkan anggarannya {}{}",
            crate::diag::path_words(path, lang),
            amount(longest, lang),
            amount(limit, lang),
            from.as_ref().map_or(", dari setiap awal".to_string(), |f| format!(", misalnya bila dimulai {f}"))
        ),
        (Kind::BudgetMayOverrun { budget, longest, limit, from, path }, En) => format!(
            "budget `{budget}` may be overrun: the longest path ({}) takes {} and the budget is {}{}",
            crate::diag::path_words(path, lang),
            amount(longest, lang),
            amount(limit, lang),
            from.as_ref().map_or(", from every start".to_string(), |f| format!(", for instance when it starts {f}"))
        ),
        (Kind::BudgetNotJudged { budget, last_day: Some(last) }, Id) => format!(
            "anggaran `{budget}` tidak dapat dinilai: dari setiap awal, suatu jalur berakhir sesudah hari terakhir kalender ({last})"
        ),
        (Kind::BudgetNotJudged { budget, last_day: Some(last) }, En) => format!(
            "budget `{budget}` cannot be judged: from every start, some path ends after the calendar's last day ({last})"
        ),
        (Kind::BudgetNotJudged { budget, last_day: None }, Id) => format!(
            "anggaran `{budget}` tidak dapat dinilai: jalurnya terlalu banyak untuk dinilai satu per satu"
        ),
        (Kind::BudgetNotJudged { budget, last_day: None }, En) => format!(
            "budget `{budget}` cannot be judged: it has too many paths to judge one by one"
        ),
        (Kind::NoWorkingHours, Id) => "`jam_kerja` ditulis tanpa satu jam kerja pun: tidak ada hari yang dapat dikerjakan".into(),
        (Kind::NoWorkingHours, En) => "`hours` are written without a single working interval: no day could be worked".into(),
        (Kind::CalendarName { name, file }, Id) => format!("kalender bernama `{name}` ditulis di berkas `{file}`: nama di dalam berkas harus sama dengan nama berkasnya"),
        (Kind::CalendarName { name, file }, En) => format!("a calendar named `{name}` is written in the file `{file}`: the name inside must be the file's name"),
        (Kind::ControlCharacter { code_point }, Id) => format!("karakter kendali {code_point} tidak boleh ada di berkas standar: ia dapat menyembunyikan atau membalik teks, atau mengacaukan terminal"),
        (Kind::ControlCharacter { code_point }, En) => format!("the control character {code_point} may not appear in a standard: it can hide or reverse text, or rewrite a terminal"),
        (Kind::EmptyStage { stage }, Id) => format!("tahap `{stage}` tidak punya langkah: waktunya tidak dapat diukur"),
        (Kind::EmptyStage { stage }, En) => format!("stage `{stage}` has no step: its time cannot be measured"),
        (Kind::StageBoundsReversed { stage, from, until }, Id) => format!("tahap `{stage}` berjalan dari `{from}` sampai `{until}`, tetapi `{from}` ditulis sesudah `{until}`"),
        (Kind::StageBoundsReversed { stage, from, until }, En) => format!("stage `{stage}` runs from `{from}` until `{until}`, but `{from}` is written after `{until}`"),
        (Kind::StageOwnSteps { stage }, Id) => format!("tahap `{stage}` ditulis dengan `dari … sampai …` atau `di_luar`: ia tidak memuat langkah sendiri"),
        (Kind::StageOwnSteps { stage }, En) => format!("stage `{stage}` is written with `from … until …` or `elsewhere`: it holds no step of its own"),
        (Kind::ElsewhereClock { stage }, Id) => format!("tahap `{stage}` dikerjakan di luar prosedur: tidak ada jam perkara di sana yang dapat dieskalasi atau dijeda"),
        (Kind::ElsewhereClock { stage }, En) => format!("stage `{stage}` is done outside the procedure: no case clock runs there to escalate or pause"),
        (Kind::WaitBeforeEnd { step, end }, Id) => format!("waktu tunggu menuju akhir `{end}` tidak pernah dijalani: perkara berakhir saat langkah `{step}` selesai"),
        (Kind::WaitBeforeEnd { step, end }, En) => format!("the wait on the way to the end `{end}` is never waited: the case ends when step `{step}` is done"),
        (Kind::DayOverfull { day, minutes, limit }, Id) => format!(
            "langkah pada hari ke-{day} memakan {}, lebih dari satu hari kerja ({})",
            hm(*minutes, lang),
            hm(*limit, lang)
        ),
        (Kind::DayOverfull { day, minutes, limit }, En) => format!(
            "the steps on working day {day} take {}, more than a working day ({})",
            hm(*minutes, lang),
            hm(*limit, lang)
        ),
        (Kind::ReplyGap { channel, case }, Id) => {
            format!("pengaduan lewat `{channel}` dengan {case} tidak punya aturan balasan")
        }
        (Kind::ReplyGap { channel, case }, En) => format!("complaints by `{channel}` with {case} have no reply rule"),
        (Kind::ReplyOverlap { channel, case }, Id) => {
            format!("pengaduan lewat `{channel}` dengan {case} cocok dengan lebih dari satu aturan balasan")
        }
        (Kind::ReplyOverlap { channel, case }, En) => {
            format!("complaints by `{channel}` with {case} match more than one reply rule")
        }
        (Kind::OutsideRange { date, from, to }, Id) => format!("tanggal {date} di luar rentang kalender {from} sampai {to}"),
        (Kind::OutsideRange { date, from, to }, En) => format!("date {date} is outside the calendar's range {from} to {to}"),
        (Kind::EscalationWithoutTime { name }, Id) => format!("`{name}` punya aturan eskalasi, tetapi tidak punya waktu yang dapat terlampaui"),
        (Kind::EscalationWithoutTime { name }, En) => format!("`{name}` has escalation rules but no time that could run out"),
        (Kind::InvalidSuppression { code, unknown_code: true, .. }, Id) => format!("`{code}` bukan kode diagnostik, jadi tidak ada yang diizinkan"),
        (Kind::InvalidSuppression { code, unknown_code: true, .. }, En) => format!("`{code}` is not a diagnostic code, so nothing is allowed"),
        (Kind::InvalidSuppression { code, .. }, Id) => format!("izin untuk `{code}` tidak menyebut alasannya"),
        (Kind::InvalidSuppression { code, .. }, En) => format!("the allowance of `{code}` gives no reason"),
        (Kind::UnusedSuppression { code }, Id) => format!("izin untuk `{code}` tidak membungkam apa pun di sini"),
        (Kind::UnusedSuppression { code }, En) => format!("the allowance of `{code}` silences nothing here"),
        (Kind::UnclosedBlock { head }, Id) => format!("blok `{head}` tidak ditutup dengan `}}`"),
        (Kind::UnclosedBlock { head }, En) => format!("the block `{head}` is not closed with `}}`"),
        (Kind::MissingOpenBrace { head }, Id) => format!("`{head}` membuka blok tanpa `{{`"),
        (Kind::MissingOpenBrace { head }, En) => format!("`{head}` opens a block without `{{`"),
        (Kind::ExtraBrace, Id) => "`}` ini tidak menutup blok mana pun".into(),
        (Kind::ExtraBrace, En) => "this `}` closes no block".into(),
        (Kind::UnclosedQuote, Id) => "tanda kutip `\"` ini tidak ditutup di barisnya".into(),
        (Kind::UnclosedQuote, En) => "this quote `\"` is not closed on its line".into(),
        (Kind::NoCalendar { procedure }, Id) => format!("prosedur `{procedure}` menghitung waktu kerja (menit, jam atau hari kerja), tetapi tidak ada kalender kerja"),
        (Kind::NoCalendar { procedure }, En) => format!("procedure `{procedure}` counts working time (minutes, hours or working days), but no working-day calendar is named"),
        (Kind::RangeTooWide { years, limit }, Id) => format!("rentang `berlaku` mencakup {years} tahun; satu kalender mencakup paling banyak {limit} tahun"),
        (Kind::RangeTooWide { years, limit }, En) => format!("the `range` spans {years} years; a calendar covers at most {limit} years"),
    }
}
