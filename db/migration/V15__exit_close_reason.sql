-- Why an exit was sent (stop_loss, take_profit, end_of_day, signal_exit, manual_close, ...), kept on its order: an exit
-- that fills in parts closes its position at a later order sync, which writes this reason rather than a bare 'exit'.
alter table orders add column close_reason varchar(50);
