DROP TABLE statement_appointments;
