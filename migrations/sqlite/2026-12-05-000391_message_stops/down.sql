DROP TABLE message_stops;
