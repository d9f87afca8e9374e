-- How a hearing ended, as a structured choice (JSON of flows::HearingOutcome:
-- a plea, trial listed, a verdict, a sentence with its type, length and
-- whether the offence is specified, an order). The free-text outcome column
-- stays as the officer's note, which is never logged nor sent.
ALTER TABLE hearings ADD COLUMN result_json TEXT;
