package com.catalyst.workflow;

/** How many candidates each step keeps: 100 scanned → 35 after news → 20 after pattern → 10 after technical → 5 picked. */
public record FunnelSizes(int scanned, int afterNews, int afterPattern, int afterTechnical, int picks) {

    public FunnelSizes {
        if (!(scanned >= afterNews && afterNews >= afterPattern && afterPattern >= afterTechnical && afterTechnical >= picks && picks >= 1)) {
            throw new IllegalArgumentException("the funnel must narrow: scanned ≥ after-news ≥ after-pattern ≥ after-technical ≥ picks ≥ 1, got "
                    + scanned + "/" + afterNews + "/" + afterPattern + "/" + afterTechnical + "/" + picks);
        }
    }
}
