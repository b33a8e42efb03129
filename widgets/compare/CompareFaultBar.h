#pragma once
// Faults into both runs at once: the Faults panel's catalogue (model::
// faultSpecs) in one row, offering only targets present in both designs
// (same block id, same link, same region), so "crash db" means the same
// block in A and B. Inject and Recover go to CompareRun, which posts them to
// both runs in the same pass; each side's answer is shown.
#include "faults/FaultTarget.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace scalelab::widgets {

class CompareRun;
class DesignDocument;

class CompareFaultBar : public QWidget {
    Q_OBJECT
public:
    CompareFaultBar(DesignDocument* a, DesignDocument* b, CompareRun* run, QWidget* parent = nullptr);

    // Targets of the current action present in both designs.
    const std::vector<FaultTarget>& targets() const { return m_targets; }
    bool setAction(const QString& action);
    // Selects the target whose label or block is `name`; false if none.
    bool setTarget(const QString& name);
    model::Fault currentFault() const;

public slots:
    void inject();
    void recover();

private:
    const model::FaultSpec& spec() const;
    void onActionChanged();
    void refreshTargets();
    void preferStrikableAction();
    void updateButtons();

    DesignDocument* m_a;
    DesignDocument* m_b;
    CompareRun* m_run;
    QComboBox* m_action;
    QComboBox* m_target;
    QDoubleSpinBox* m_value;
    QPushButton* m_inject;
    QPushButton* m_recover;
    QLabel* m_status;
    std::vector<FaultTarget> m_targets;
    QStringList m_reports;
};

} // namespace scalelab::widgets
