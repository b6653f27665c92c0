package org.cems.simulator;

/** Told once what became of one payload: delivered (acknowledged by the broker) or failed. */
interface Delivery {
    void delivered();

    void failed(Throwable cause);
}
