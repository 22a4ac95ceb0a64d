//! How to fix each kind, in Indonesian and English.

use super::hints::syntax_hint;
use super::*;

/// How to fix it.
pub fn help(kind: &Kind, lang: Lang) -> Option<String> {
    use Lang::*;
    let text = match (kind, lang) {
        (Kind::Syntax { hint: Some(h), .. }, _) => syntax_hint(*h, lang),
        (Kind::Syntax { .. }, _) => return None,
        (Kind::EmptyFile, Id) => {
            "tulis paling sedikit satu `layanan`, `peran` atau `sertakan`".into()
        }
        (Kind::EmptyFile, En) => "write at least one `service`, `role` or `include`".into(),
        (Kind::NotUtf8 { .. }, Id) => "simpan berkas sebagai UTF-8".into(),
        (Kind::NotUtf8 { .. }, En) => "save the file as UTF-8".into(),
        (Kind::TooDeep { .. }, Id) => "periksa pasangan kurung `{` dan `}` (atau `[` dan `]`)".into(),
        (Kind::TooDeep { .. }, En) => "check that every `{` has its `}` (and every `[` its `]`)".into(),
        (Kind::TooManyErrors { .. }, Id) => "perbaiki kesalahan di atas dahulu, lalu periksa lagi; apakah ini memang berkas .sop?".into(),
        (Kind::TooManyErrors { .. }, En) => "fix the errors above first, then check again; is this really a .sop file?".into(),
        (Kind::DuplicateItem { .. }, Id) => "hapus salah satunya".into(),
        (Kind::DuplicateItem { .. }, En) => "remove one of them".into(),
        (
            Kind::UndefinedName {
                suggestion: Some(s),
                ..
            },
            Id,
        ) => format!("maksud Anda `{s}`?"),
        (
            Kind::UndefinedName {
                suggestion: Some(s),
                ..
            },
            En,
        ) => format!("did you mean `{s}`?"),
        // A calendar is a file, found under the standards root.
        (Kind::UndefinedName { kind: NameKind::Calendar, name, .. }, Id) => format!(
            "kalender dicari sebagai berkas `{name}.kalender.yaml` di folder standar; folder standar ditentukan oleh berkas proyek `sopan.yaml` atau `--root FOLDER`"
        ),
        (Kind::UndefinedName { kind: NameKind::Calendar, name, .. }, En) => format!(
            "a calendar is a file `{name}.kalender.yaml` under the standards root, which the project file `sopan.yaml` or `--root FOLDER` sets"
        ),
        (Kind::UndefinedName { kind, .. }, Id) => {
            format!("definisikan {} itu dahulu", kind_word(*kind, lang))
        }
        (Kind::UndefinedName { kind, .. }, En) => {
            format!("define the {} first", kind_word(*kind, lang))
        }
        (Kind::DuplicateName { .. }, Id) => "beri nama lain atau hapus salah satunya".into(),
        (Kind::DuplicateName { .. }, En) => "rename or remove one of them".into(),
        (Kind::UnusedName { .. }, Id) => "gunakan atau hapus definisinya".into(),
        (Kind::UnusedName { .. }, En) => "use it or remove it".into(),
        (Kind::AmbiguousName { procedures, name }, Id) => {
            format!(
                "tulis nama prosedurnya, misalnya `{}.{name}`",
                procedures.first()?
            )
        }
        (Kind::AmbiguousName { procedures, name }, En) => {
            format!(
                "write the procedure too, e.g. `{}.{name}`",
                procedures.first()?
            )
        }
        (Kind::UnreachableStep { .. }, Id) => {
            "arahkan `lanjut` atau hasil keputusan ke langkah ini, atau hapus".into()
        }
        (Kind::UnreachableStep { .. }, En) => {
            "point a `next` or an outcome at this step, or remove it".into()
        }
        (Kind::NoWayToEnd { .. }, Id) => {
            "tambahkan `lanjut` ke langkah berikutnya atau ke `selesai`".into()
        }
        (Kind::NoWayToEnd { .. }, En) => "add a `next` to a following step or to an `end`".into(),
        (Kind::LoopWithoutExit { .. }, Id) => {
            "beri salah satu langkah keputusan yang keluar dari putaran".into()
        }
        (Kind::LoopWithoutExit { .. }, En) => {
            "give one step of the loop a decision that leads out".into()
        }
        (Kind::MissingOutcome { .. }, Id) => {
            "tulis setiap hasil dengan tujuannya, misalnya `tidak -> kembalikan ke pemohon`".into()
        }
        (Kind::MissingOutcome { .. }, En) => {
            "write every outcome with its target, e.g. `no -> return to applicant`".into()
        }
        (Kind::DuplicateOutcome { .. }, Id) => "setiap hasil hanya boleh punya satu tujuan".into(),
        (Kind::DuplicateOutcome { .. }, En) => "each outcome may lead to one place only".into(),
        // The time budget lives in a procedure of the service, not in the service itself.
        (Kind::MissingComponent { number: 3 }, Id) => "tambahkan `anggaran` di dalam `prosedur` layanan ini, misalnya `anggaran total \"Jangka waktu penyelesaian\" 5 hari kerja`".into(),
        (Kind::MissingComponent { number: 3 }, En) => "add a `budget` inside the service's `procedure`, e.g. `budget total \"Time to complete\" 5 working days`".into(),
        (Kind::MissingComponent { number }, Id) => {
            format!("tambahkan `{}` pada layanan", component(*number).2)
        }
        (Kind::MissingComponent { number }, En) => {
            format!(
                "add `{}` to the service",
                english_keyword(component(*number).2)
            )
        }
        (Kind::MissingItem { item, .. }, Id) => format!("tambahkan {}", phrase(*item, lang)),
        (Kind::MissingItem { item, .. }, En) => format!("add {}", phrase(*item, lang)),
        (Kind::StaffingMismatch { uncovered, .. }, Id) if !uncovered.is_empty() => format!(
            "peran {} tidak tercakup dalam jumlah pelaksana",
            ticks(uncovered)
        ),
        (Kind::StaffingMismatch { uncovered, .. }, En) if !uncovered.is_empty() => {
            format!("roles {} are not covered by staffing", ticks(uncovered))
        }
        (Kind::StaffingMismatch { .. }, Id) => {
            "sesuaikan jumlah pelaksana dengan peran yang bertugas".into()
        }
        (Kind::StaffingMismatch { .. }, En) => "make the staffing match the roles that act".into(),
        (Kind::ChannelWithoutReply { channel }, Id) => {
            format!("tambahkan `balas {channel} -> {channel}`")
        }
        (Kind::ChannelWithoutReply { channel }, En) => {
            format!("add `reply {channel} -> {channel}`")
        }
        (Kind::MissingVersion { .. }, Id) => {
            "tambahkan `versi \"…\"`; perkara mencatat versi standarnya. Bila standar terbitannya memang tanpa versi, tulis `// izinkan sop::missing-version karena …` di atas `layanan`".into()
        }
        (Kind::MissingVersion { .. }, En) => {
            "add `version \"…\"`; cases record their standard's version. If the published standard has none, write `// allow sop::missing-version because …` above the service".into()
        }
        (Kind::ReplyOnlyIntake { channel }, Id) => {
            format!("hapus aturan ini, atau hapus `hanya_balasan` bila pengaduan memang diterima lewat `{channel}`")
        }
        (Kind::ReplyOnlyIntake { channel }, En) => {
            format!("remove this rule, or remove `reply_only` if complaints do come in by `{channel}`")
        }
        (Kind::ReplyOnlyUnused { channel }, Id) => {
            format!("sebut `{channel}` di sebelah kanan `->` aturan balasan, atau hapus salurannya")
        }
        (Kind::ReplyOnlyUnused { channel }, En) => {
            format!("name `{channel}` right of `->` in a reply rule, or remove the channel")
        }
        (Kind::HandlerNotStated { .. }, Id) => {
            "`sopan route` menampilkannya sebagai tidak disebutkan; tulis perannya bila instansi menetapkannya".into()
        }
        (Kind::HandlerNotStated { .. }, En) => {
            "`sopan route` shows it as not stated; write the role once the agency sets one".into()
        }
        (Kind::ReplyNotStated { .. }, Id) => {
            "`sopan route` menampilkannya sebagai tidak disebutkan; tulis salurannya bila instansi menetapkannya".into()
        }
        (Kind::ReplyNotStated { .. }, En) => {
            "`sopan route` shows it as not stated; write the channel once the agency sets one".into()
        }
        (Kind::TierWithoutRoute { .. }, Id) => "tambahkan `penangan <peran>`".into(),
        (Kind::TierWithoutRoute { .. }, En) => "add `handler <role>`".into(),
        (Kind::TierClockOutsideComplaints { .. }, Id) => {
            "tulis waktunya sebagai durasi (`2 hari kerja`), atau pindahkan prosedurnya ke dalam blok `pengaduan`".into()
        }
        (Kind::TierClockOutsideComplaints { .. }, En) => {
            "write its time as a duration (`2 working days`), or move the procedure into the `complaints` block".into()
        }
        (Kind::TierClockStart { .. }, Id) => "tambahkan `mulai setelah <langkah penggolongan>`".into(),
        (Kind::TierClockStart { .. }, En) => "add `start after <classification step>`".into(),
        (Kind::TierClockOutcome { .. }, Id) => "namai hasil keputusan itu sama dengan tingkatnya".into(),
        (Kind::TierClockOutcome { .. }, En) => "name the decision's outcome after its tier".into(),
        (Kind::TierClockWithoutDeadline { .. }, Id) => "tambahkan `tenggat <durasi>` pada tingkat itu".into(),
        (Kind::TierClockWithoutDeadline { .. }, En) => "add `deadline <duration>` to the tier".into(),
        (Kind::NeverHappens { .. }, Id) => "pilih langkah yang tercapai dalam alur prosedur".into(),
        (Kind::NeverHappens { .. }, En) => "pick a step the procedure can reach".into(),
        (Kind::NegativeDuration, Id) => "durasi tidak boleh kurang dari 0".into(),
        (Kind::NegativeDuration, En) => "a duration cannot be less than 0".into(),
        (Kind::ReversedRange { low, high }, Id) => format!("tulis `{high}..{low}`"),
        (Kind::ReversedRange { low, high }, En) => format!("write `{high}..{low}`"),
        (
            Kind::UnknownUnit {
                suggestion: Some(s),
                ..
            },
            Id,
        ) => format!("maksud Anda `{s}`?"),
        (
            Kind::UnknownUnit {
                suggestion: Some(s),
                ..
            },
            En,
        ) => format!("did you mean `{s}`?"),
        (Kind::DecimalDuration { instead: Some(i), .. }, Id) => format!("tulis `{i}`"),
        (Kind::DecimalDuration { instead: Some(i), .. }, En) => format!("write `{i}`"),
        (Kind::DecimalDuration { instead: None, written }, Id) if written.ends_with(" hari") => "`hari` dihitung per hari kalender dan `jam` adalah jam kerja, jadi tidak ada penulisan lain yang sama artinya; tulis jumlah hari yang bulat sesuai sumbernya".into(),
        (Kind::DecimalDuration { instead: None, written }, En) if written.ends_with(" hari") || written.ends_with(" days") || written.ends_with(" day") => "`hari` counts calendar days and `jam` is working time, so nothing else means the same; write a whole number of days as the source does".into(),
        (Kind::DecimalDuration { instead: None, written }, Id) if written.ends_with(" days") || written.ends_with(" day") => "`days` dihitung per hari kalender dan `hours` adalah jam kerja, jadi tidak ada penulisan lain yang sama artinya; tulis jumlah hari yang bulat sesuai sumbernya".into(),
        (Kind::DecimalDuration { instead: None, .. }, Id) => "tulis dalam satuan yang lebih kecil, misalnya jam atau menit (`1,5 hari kerja` menjadi jam menurut jam kerja kalender)".into(),
        (Kind::DecimalDuration { instead: None, .. }, En) => "write it in a smaller unit such as hours or minutes (`1.5 working days` in hours by the calendar's working hours)".into(),
        (Kind::UnknownUnit { .. }, Id) => {
            "gunakan menit, jam, hari kerja, hari, minggu atau bulan".into()
        }
        (Kind::UnknownUnit { .. }, En) => {
            "use minutes, hours, working days, days, weeks or months".into()
        }
        (Kind::DurationTooLarge, Id) => "periksa angka dan satuannya".into(),
        (Kind::DurationTooLarge, En) => "check the number and its unit".into(),
        (Kind::InvalidDate { .. }, Id) => "tulis tanggal yang ada dalam bentuk `TTTT-BB-HH`".into(),
        (Kind::InvalidDate { .. }, En) => "write a real date as `YYYY-MM-DD`".into(),
        (Kind::InvalidNumber { .. }, Id) => "gunakan bilangan bulat mulai dari 1".into(),
        (Kind::InvalidNumber { .. }, En) => "use a whole number from 1 up".into(),
        (Kind::IncludeNotFound { suggestion: Some(s), .. }, Id) => format!("maksud Anda `{s}`?"),
        (Kind::IncludeNotFound { suggestion: Some(s), .. }, En) => format!("did you mean `{s}`?"),
        (Kind::IncludeNotFound { reason, .. }, Id) => format!("periksa nama berkas dan foldernya: jalur dihitung dari folder berkas yang menyertakannya ({})", reason.message(lang)),
        (Kind::IncludeNotFound { reason, .. }, En) => format!("check the file's name and folder: the path is counted from the folder of the including file ({})", reason.message(lang)),
        (Kind::IncludeEscapesRoot { root, .. }, Id) => format!("sertakan hanya berkas di dalam folder standar `{root}`; folder standar yang lain ditentukan dengan `--root FOLDER`"),
        (Kind::IncludeEscapesRoot { root, .. }, En) => format!("include only files inside the standards folder `{root}`; choose another standards folder with `--root FOLDER`"),
        (Kind::IncludeCycle { .. }, Id) => "hapus salah satu `sertakan`".into(),
        (Kind::IncludeCycle { .. }, En) => "remove one of the `include`s".into(),
        (Kind::IncludeTooDeep { .. }, Id) => "sertakan berkas-berkas itu langsung dari berkas standar, bukan berantai".into(),
        (Kind::IncludeTooDeep { .. }, En) => "include those files from the standard itself, not in a chain".into(),
        (Kind::TooManyIncludes { .. }, Id) | (Kind::TooManyRoles { .. }, Id) => "batas sopan (README, bagian \"Limits\"): bagi standar ini menjadi beberapa standar".into(),
        (Kind::TooManyIncludes { .. }, En) | (Kind::TooManyRoles { .. }, En) => "sopan's limit (README, \"Limits\"): split this standard into several".into(),
        (Kind::TextTooLong { .. }, Id) => "ringkas teksnya, atau rujuk dokumen sumbernya; periksa juga tanda kutip yang tidak ditutup".into(),
        (Kind::TextTooLong { .. }, En) => "shorten the text, or refer to its source document; check for a quote left open too".into(),
        (Kind::TooManySteps { .. }, Id) => "bagi prosedurnya menjadi beberapa prosedur, atau kelompokkan langkahnya".into(),
        (Kind::TooManySteps { .. }, En) => "split the procedure into several, or group its steps".into(),
        (
            Kind::UnknownValue {
                suggestion: Some(s),
                ..
            },
            Id,
        ) => format!("maksud Anda `{s}`?"),
        (
            Kind::UnknownValue {
                suggestion: Some(s),
                ..
            },
            En,
        ) => format!("did you mean `{s}`?"),
        (Kind::UnknownValue { kind, .. }, _) => {
            let allowed = value_word(*kind, lang).1;
            if allowed.is_empty() {
                return None;
            }
            format!("{}: {allowed}", lang.pick("pilihan", "choices"))
        }
        (Kind::ConflictingFlow { .. }, Id) => {
            "hapus `lanjut`; hasil keputusan sudah menentukan langkah berikutnya".into()
        }
        (Kind::ConflictingFlow { .. }, En) => {
            "remove `next`; the outcomes already say where to go".into()
        }
        (Kind::FullDaysNotHours { .. }, Id) => "tulis `1 x 24 jam` atau `1 hari` untuk sehari penuh".into(),
        (Kind::FullDaysNotHours { .. }, En) => "write `1 x 24 jam` or `1 hari` for one whole day".into(),
        (Kind::HoursAsDays { days, .. }, Id) => format!(
            "bila yang dimaksud {days} hari penuh, tulis `{days} x 24 jam` (atau `{days} hari`); bila memang jam kerja, izinkan peringatan ini dengan alasannya"
        ),
        (Kind::HoursAsDays { days, .. }, En) => format!(
            "if {days} whole days are meant, write `{days} x 24 jam` (or `{days} hari`); if working hours are meant, allow this warning with the reason"
        ),
        (Kind::CutOffWithFlow { .. }, Id) => {
            "hapus `terpotong` bila sumber menyebut langkah berikutnya, atau hapus `lanjut`/`keputusan` bila tabelnya memang berhenti di sini".into()
        }
        (Kind::CutOffWithFlow { .. }, En) => {
            "remove `cut_off` if the source names the next step, or remove `next`/`decision` if its table does stop here".into()
        }
        (Kind::CutOff { .. }, Id) => {
            "perkara yang sampai di sini selesai sejauh yang diterbitkan; tulis sisanya bila sumbernya ditemukan".into()
        }
        (Kind::CutOff { .. }, En) => {
            "a case that gets here is finished as far as it is published; write the rest once its source is found".into()
        }
        (Kind::DuplicateStepNumber { .. }, Id) => "periksa penomoran tabel SOP".into(),
        (Kind::DuplicateStepNumber { .. }, En) => "check the numbering of the SOP table".into(),
        (Kind::StepNumberOrder { .. }, Id) => "periksa urutan penomoran tabel SOP".into(),
        (Kind::StepNumberOrder { .. }, En) => "check the order of the SOP table's numbers".into(),
        (Kind::OneBranch { missing: Some(m), .. }, Id) => format!("perkara dengan hasil `{m}` akan ditolak sampai cabang itu ditulis, misalnya `{m} -> kembalikan ke pemohon`"),
        (Kind::OneBranch { missing: Some(m), .. }, En) => format!("a case with the outcome `{m}` is refused until that branch is written, e.g. `{m} -> return to applicant`"),
        (Kind::OneBranch { .. }, Id) => "perkara dengan hasil lain akan ditolak sampai cabangnya ditulis".into(),
        (Kind::OneBranch { .. }, En) => "a case with any other outcome is refused until its branch is written".into(),
        (Kind::MissingPerformer { .. }, Id) => "tulis `oleh peran`; tabel SOP menandai pelaksana setiap kegiatan".into(),
        (Kind::MissingPerformer { .. }, En) => "write `by role`; the SOP table marks the performer of every activity".into(),
        (Kind::DuplicatePerformer { .. }, Id) => "hapus salah satunya".into(),
        (Kind::DuplicatePerformer { .. }, En) => "remove one of them".into(),
        (Kind::MissingTime { .. }, Id) => "tulis `waktu 20 menit`, atau `waktu tidak_diketahui` bila dokumen sumber tidak menyebutnya".into(),
        (Kind::MissingTime { .. }, En) => "write `time 20 minutes`, or `time unknown` when the source document does not give it".into(),
        (Kind::BudgetUnknown { .. }, Id) => "jumlah waktu yang diketahui tampil di `sopan budget`; lengkapi waktunya, atau beri tahapnya waktu sendiri".into(),
        (Kind::BudgetUnknown { .. }, En) => "`sopan budget` shows the sum of the known times; complete them, or give their stage its own time".into(),
        (Kind::CalendarSyntax { .. }, Id) => {
            "lihat contoh di standards/nasional.kalender.yaml".into()
        }
        (Kind::CalendarSyntax { .. }, En) => {
            "see the example in standards/nasional.kalender.yaml".into()
        }
        (Kind::DuplicateDate { .. }, Id) => "hapus salah satunya".into(),
        (Kind::DuplicateDate { .. }, En) => "remove one of them".into(),
        (Kind::InvalidHours { .. }, Id) => {
            "tulis jam sebagai `07:30-12:00`, berurutan dan tidak bertumpang tindih".into()
        }
        (Kind::InvalidHours { .. }, En) => {
            "write hours as `07:30-12:00`, in order and not overlapping".into()
        }
        (Kind::BudgetCannotFit { .. }, Id) => "periksa waktu langkah atau perbesar anggaran".into(),
        (Kind::BudgetCannotFit { .. }, En) => "check the steps' times or raise the budget".into(),
        (Kind::BudgetMayOverrun { .. }, Id) => {
            "setiap jalur melewati putaran paling banyak sekali, setiap waktu pada batas atasnya; `sopan budget` menunjukkan jalurnya".into()
        }
        (Kind::BudgetMayOverrun { .. }, En) => {
            "each path goes round a loop at most once, every time at its upper bound; `sopan budget` shows the path".into()
        }
        (Kind::BudgetNotJudged { last_day: Some(_), .. }, Id) => {
            "perpanjang kalender (`berlaku`) sampai tahun berikutnya, atau periksa waktu langkahnya".into()
        }
        (Kind::BudgetNotJudged { last_day: Some(_), .. }, En) => {
            "extend the calendar (`range`) into the next year, or check the steps' times".into()
        }
        (Kind::BudgetNotJudged { last_day: None, .. }, Id) => {
            "pisahkan prosedurnya, atau beri tahap-tahapnya waktu sendiri".into()
        }
        (Kind::BudgetNotJudged { last_day: None, .. }, En) => {
            "split the procedure, or give its stages their own time".into()
        }
        (Kind::NoWorkingHours, Id) => "tulis jam kerja setiap hari kerja, misalnya `senin: [\"07:30-12:00\", \"13:00-16:00\"]`, atau hapus `jam_kerja` untuk memakai jam kalender dasarnya".into(),
        (Kind::NoWorkingHours, En) => "write the hours of each working day, e.g. `monday: [\"07:30-12:00\", \"13:00-16:00\"]`, or drop `hours` to use the base calendar's".into(),
        (Kind::CalendarName { file, .. }, Id) => format!("tulis `nama: {}`, atau ganti nama berkasnya", file.split('.').next().unwrap_or(file)),
        (Kind::CalendarName { file, .. }, En) => format!("write `name: {}`, or rename the file", file.split('.').next().unwrap_or(file)),
        (Kind::ControlCharacter { .. }, Id) => "hapus karakter itu (biasanya terbawa dari salinan dokumen) dan ketik ulang teks di sekitarnya".into(),
        (Kind::ControlCharacter { .. }, En) => "delete that character (usually carried over from a copied document) and type the text around it again".into(),
        (Kind::EmptyStage { .. }, Id) => "tulis langkah-langkah tahap itu di dalam bloknya: `tahap x \"…\" { waktu …  langkah … }`".into(),
        (Kind::EmptyStage { .. }, En) => "write the stage's steps inside its block: `stage x \"…\" { time …  step … }`".into(),
        (Kind::StageBoundsReversed { .. }, Id) => "tukar kedua nama langkahnya: `dari` langkah yang lebih dahulu, `sampai` yang kemudian".into(),
        (Kind::StageBoundsReversed { .. }, En) => "swap the two step names: `from` the earlier step, `until` the later one".into(),
        (Kind::StageOwnSteps { .. }, Id) => "tulis langkahnya di luar blok tahap ini, atau hapus `dari … sampai …`/`di_luar` agar tahap memuat langkahnya".into(),
        (Kind::StageOwnSteps { .. }, En) => "write the steps outside this stage's block, or remove `from … until …`/`elsewhere` so that the stage holds its steps".into(),
        (Kind::ElsewhereClock { .. }, Id) => "tulis waktunya saja; aturan eskalasi dan `jeda` tempatnya pada tahap atau anggaran yang jamnya berjalan di prosedur ini".into(),
        (Kind::ElsewhereClock { .. }, En) => "write its time only; escalation rules and `pause` belong on a stage or budget whose clock runs in this procedure".into(),
        (Kind::WaitBeforeEnd { end, .. }, Id) => format!("tulis waktu itu sebagai langkah, misalnya `langkah ambil \"Pemohon mengambil izin\" {{ oleh pemohon  waktu 3 hari  lanjut {end} }}`"),
        (Kind::WaitBeforeEnd { end, .. }, En) => format!("write that time as a step, e.g. `step collect \"The applicant collects the licence\" {{ by applicant  time 3 days  next {end} }}`"),
        (Kind::DayOverfull { .. }, Id) => {
            "pindahkan sebagian langkah ke hari berikutnya (`hari_ke`)".into()
        }
        (Kind::DayOverfull { .. }, En) => "move some steps to the next day (`on_day`)".into(),
        (Kind::ReplyGap { channel, .. }, Id) => {
            format!("tambahkan `balas {channel} bila … -> …` untuk keadaan itu")
        }
        (Kind::ReplyGap { channel, .. }, En) => {
            format!("add `reply {channel} when … -> …` for that case")
        }
        (Kind::ReplyOverlap { .. }, Id) => {
            "persempit syarat `bila` agar tepat satu aturan berlaku".into()
        }
        (Kind::ReplyOverlap { .. }, En) => {
            "narrow the `when` conditions so exactly one rule applies".into()
        }
        (Kind::OutsideRange { .. }, Id) => "perluas `berlaku` atau hapus tanggal itu".into(),
        (Kind::OutsideRange { .. }, En) => "widen `range` or remove the date".into(),
        (Kind::EscalationWithoutTime { .. }, Id) => "tulis `waktu` pada tahap atau langkah itu, atau pindahkan aturannya ke `anggaran`".into(),
        (Kind::EscalationWithoutTime { .. }, En) => "write a `time` on that stage or step, or move the rule to a `budget`".into(),
        (Kind::InvalidSuppression { unknown_code: true, .. }, Id) => "periksa kodenya pada daftar kode di grammar/README.md, misalnya `sop::staffing-mismatch`".into(),
        (Kind::InvalidSuppression { unknown_code: true, .. }, En) => "check the code against the list in grammar/README.md, e.g. `sop::staffing-mismatch`".into(),
        (Kind::InvalidSuppression { .. }, Id) => "tulis alasannya sesudah `karena`: `// izinkan sop::… karena …`".into(),
        (Kind::InvalidSuppression { .. }, En) => "write the reason after `because`: `// allow sop::… because …`".into(),
        (Kind::UnusedSuppression { .. }, Id) => "hapus komentar ini, atau letakkan tepat di atas baris atau blok yang diperingatkan".into(),
        (Kind::UnusedSuppression { .. }, En) => "remove this comment, or put it right above the line or block that is warned about".into(),
        (Kind::UnclosedBlock { .. }, Id) => "tambahkan `}` di akhir blok itu, sejajar dengan barisnya".into(),
        (Kind::UnclosedBlock { .. }, En) => "add `}` at the end of that block, in line with its first line".into(),
        (Kind::MissingOpenBrace { .. }, Id) => "tambahkan `{` di akhir baris ini".into(),
        (Kind::MissingOpenBrace { .. }, En) => "add `{` at the end of this line".into(),
        (Kind::ExtraBrace, Id) => "hapus `}` ini, atau periksa apakah sebuah blok di atasnya kurang `{`".into(),
        (Kind::ExtraBrace, En) => "remove this `}`, or check whether a block above lacks its `{`".into(),
        (Kind::UnclosedQuote, Id) => "tambahkan `\"` di akhir teks itu".into(),
        (Kind::UnclosedQuote, En) => "add `\"` at the end of that text".into(),
        (Kind::NoCalendar { .. }, Id) => "tulis `kalender NAMA` pada `instansi` atau `layanan`, dengan berkas NAMA.kalender.yaml di folder standar; tanpa kalender, hari kerja dan jam kerja tidak diketahui".into(),
        (Kind::NoCalendar { .. }, En) => "write `calendar NAME` in the `agency` or `service`, with a file NAME.calendar.yaml in the standards folder; without a calendar, working days and hours are unknown".into(),
        (Kind::RangeTooWide { .. }, Id) => "hari libur ditetapkan per tahun: batasi `berlaku` pada tahun-tahun yang keputusannya sudah ada".into(),
        (Kind::RangeTooWide { .. }, En) => "holidays are decreed year by year: limit `range` to the years whose decrees exist".into(),
    };
    Some(text)
}
