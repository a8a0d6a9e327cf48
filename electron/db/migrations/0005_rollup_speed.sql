-- Segmentation now reads each customer's two lifecycle windows by one seek on
-- customer_monthly's primary key (customer_id, month), so the month-first
-- index is no longer read by anything; dropping it makes every order and
-- interaction write maintain one index less and the rollup rebuild cheaper.
DROP INDEX customer_monthly_month;
