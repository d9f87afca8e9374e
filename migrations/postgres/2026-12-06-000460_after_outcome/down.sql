DROP TABLE compensation_claims;
DROP TABLE review_decisions;
DROP TABLE protective_orders;
