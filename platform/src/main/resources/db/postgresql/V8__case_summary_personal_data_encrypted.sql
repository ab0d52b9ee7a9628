-- Query side: the customer's name, phone, email and the description in case_summary are held as the events hold
-- them, encrypted under the data subject's key (ADR 0008), longer than the plaintext they replace.
alter table case_summary
    alter column customer_name type text,
    alter column customer_phone type text,
    alter column customer_email type text,
    alter column description type text;

-- Rows written before hold that data in plaintext: they are dropped with the cases projection's tokens, so that the
-- projection rebuilds them from the events at its next start (its first tokens are made at the tail of the stream).
-- Until it has caught up, the case view builds a case from its events.
truncate table case_deadline, case_escalation, case_summary;
delete from token_entry where processor_name = 'cases';
