//! Names of grammar rules in words, so syntax errors never show a rule name.

use super::Rule;
use crate::diag::Phrase;

/// The Indonesian and English spellings of a keyword rule.
pub fn keyword(rule: Rule) -> Option<(&'static str, &'static str)> {
    Some(match rule {
        Rule::kw_include => ("sertakan", "include"),
        Rule::kw_agency => ("instansi", "agency"),
        Rule::kw_role => ("peran", "role"),
        Rule::kw_group => ("kelompok", "group"),
        Rule::kw_service => ("layanan", "service"),
        Rule::kw_complaints => ("pengaduan", "complaints"),
        Rule::kw_procedure => ("prosedur", "procedure"),
        Rule::kw_external => ("eksternal", "external"),
        Rule::kw_address => ("alamat", "address"),
        Rule::kw_calendar => ("kalender", "calendar"),
        Rule::kw_version => ("versi", "version"),
        Rule::kw_effective => ("berlaku", "effective"),
        Rule::kw_number => ("nomor", "number"),
        Rule::kw_made => ("dibuat", "made"),
        Rule::kw_revised => ("direvisi", "revised"),
        Rule::kw_in_force => ("efektif", "in_force"),
        Rule::kw_approved => ("disahkan", "approved_by"),
        Rule::kw_related => ("keterkaitan", "related"),
        Rule::kw_equipment => ("peralatan", "equipment"),
        Rule::kw_warnings => ("peringatan", "warnings"),
        Rule::kw_recording => ("pencatatan", "recording"),
        Rule::kw_qualification => ("kualifikasi", "qualifications"),
        Rule::kw_requirements => ("persyaratan", "requirements"),
        Rule::kw_fee => ("biaya", "fee"),
        Rule::kw_product => ("produk", "product"),
        Rule::kw_legal_basis => ("dasar_hukum", "legal_basis"),
        Rule::kw_facilities => ("sarana", "facilities"),
        Rule::kw_competency => ("kompetensi", "competency"),
        Rule::kw_supervision => ("pengawasan", "supervision"),
        Rule::kw_staffing => ("jumlah_pelaksana", "staffing"),
        Rule::kw_as_needed => ("sesuai_kebutuhan", "as_needed"),
        Rule::kw_guarantees => ("jaminan", "guarantees"),
        Rule::kw_security => ("keamanan", "security"),
        Rule::kw_evaluation => ("evaluasi", "evaluation"),
        Rule::kw_survey => ("survei", "survey"),
        Rule::kw_follow_up => ("tindak_lanjut", "follow_up"),
        Rule::kw_when => ("bila", "when"),
        Rule::kw_and => ("dan", "and"),
        Rule::kw_start => ("mulai", "start"),
        Rule::kw_stop => ("berhenti", "stop"),
        Rule::kw_pause => ("jeda", "pause"),
        Rule::kw_at => ("saat", "at"),
        Rule::kw_after => ("setelah", "after"),
        Rule::kw_during => ("selama", "during"),
        Rule::kw_with => ("dengan", "with"),
        Rule::kw_returned => ("dikembalikan", "returned"),
        Rule::kw_budget => ("anggaran", "budget"),
        Rule::kw_step => ("langkah", "step"),
        Rule::kw_end => ("selesai", "end"),
        Rule::kw_by => ("oleh", "by"),
        Rule::kw_inputs => ("kelengkapan", "inputs"),
        Rule::kw_time => ("waktu", "time"),
        Rule::kw_remarks => ("keterangan", "remarks"),
        Rule::kw_on_day => ("hari_ke", "on_day"),
        Rule::kw_next => ("lanjut", "next"),
        Rule::kw_decision => ("keputusan", "decision"),
        Rule::kw_return => ("kembalikan", "return"),
        Rule::kw_to => ("ke", "to"),
        Rule::kw_then => ("lalu", "then"),
        Rule::kw_obligation => ("kewajiban", "obligation"),
        Rule::kw_trigger => ("pemicu", "trigger"),
        Rule::kw_delay => ("tunda", "delay"),
        Rule::kw_cancel => ("batal", "cancel"),
        Rule::kw_send => ("kirim", "send"),
        Rule::kw_channel => ("saluran", "channel"),
        Rule::kw_fact => ("fakta", "fact"),
        Rule::kw_reply => ("balas", "reply"),
        Rule::kw_tier => ("tingkat", "tier"),
        Rule::kw_handler => ("penangan", "handler"),
        Rule::kw_involved => ("terlibat", "involved"),
        Rule::kw_escalate => ("eskalasi", "escalate"),
        Rule::kw_deadline => ("tenggat", "deadline"),
        Rule::kw_book => ("buku", "book"),
        Rule::kw_field => ("kolom", "field"),
        Rule::kw_report => ("laporan", "report"),
        Rule::kw_period => ("periode", "period"),
        Rule::kw_internal => ("internal", "internal"),
        Rule::kw_sop => ("sop", "sop"),
        Rule::kw_nip => ("nip", "nip"),
        Rule::kw_output => ("output", "output"),
        Rule::kw_at_most => ("paling lama", "at most"),
        _ => return None,
    })
}

/// The phrase for a rule that the parser expected, or `None` for rules users need not hear of.
pub fn phrase(rule: Rule) -> Option<Phrase> {
    if let Some((id, en)) = keyword(rule) {
        return Some(Phrase::Keyword(id, en));
    }
    Some(match rule {
        Rule::ident | Rule::ident_list | Rule::qualified | Rule::target | Rule::staff_entry | Rule::outcome
        | Rule::condition => Phrase::Name,
        Rule::string | Rule::text_value => Phrase::Text,
        Rule::int | Rule::step_number => Phrase::Number,
        Rule::date => Phrase::Date,
        Rule::duration | Rule::amount => Phrase::Duration,
        Rule::unit | Rule::unit_known => Phrase::Unit,
        Rule::arrow => Phrase::Arrow,
        Rule::open => Phrase::Open,
        Rule::close => Phrase::Close,
        Rule::eq => Phrase::Equals,
        Rule::EOI => Phrase::EndOfFile,
        Rule::role_kind => Phrase::Keyword("internal", "internal"),
        Rule::point_when => Phrase::Keyword("saat", "at"),
        _ => return None,
    })
}

/// What a block accepts, for an error at the start of a line the block cannot read
/// (pest then names only the block's line rule).
pub fn block_items(rule: Rule) -> Option<&'static [Rule]> {
    use Rule::*;
    Some(match rule {
        file | top_line => &[kw_include, kw_agency, kw_role, kw_group, kw_complaints, kw_procedure, kw_service],
        agency_line => &[kw_address, kw_calendar, close],
        service_line => &[
            kw_agency, kw_version, kw_effective, kw_calendar, kw_sop, kw_requirements, kw_fee, kw_product,
            kw_complaints, kw_legal_basis, kw_facilities, kw_competency, kw_supervision, kw_staffing,
            kw_guarantees, kw_security, kw_evaluation, kw_role, kw_group, kw_procedure, close,
        ],
        sop_line => &[
            kw_number, kw_made, kw_revised, kw_in_force, kw_approved, kw_related, kw_equipment, kw_warnings,
            kw_recording, kw_qualification, close,
        ],
        staffing_line => &[ident, close],
        guarantees_line => &[string, kw_obligation, close],
        obligation_line => &[kw_trigger, kw_delay, kw_cancel, kw_send, kw_by, close],
        evaluation_line => &[kw_survey, kw_follow_up, string, close],
        procedure_line => &[kw_start, kw_budget, kw_step, kw_end, close],
        budget_line => &[kw_start, kw_stop, kw_pause, close],
        step_line => &[
            kw_by, kw_inputs, kw_time, kw_output, kw_remarks, kw_on_day, kw_when, kw_next, kw_decision, close,
        ],
        decision_line => &[outcome, close],
        complaints_line => &[kw_channel, kw_fact, kw_reply, kw_tier, kw_book, kw_report, kw_procedure, close],
        tier_line => &[kw_handler, kw_involved, kw_escalate, kw_deadline, kw_remarks, close],
        book_line => &[kw_by, kw_field, close],
        report_line => &[kw_period, kw_procedure, close],
        _ => return None,
    })
}
