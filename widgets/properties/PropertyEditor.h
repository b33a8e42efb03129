#pragma once
// The property dock's content: a form generated from the registry's
// ParamSpecs for the selected block (name, id and every parameter) or link
// (its link parameters). Each edit becomes a command on the document's undo
// stack; the form refreshes from document signals, so undo shows up here too.
#include "document/LinkKey.h"

#include <QScrollArea>

#include <map>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace scalelab::widgets {

class DesignDocument;
class ParamField;
class TrafficPreview;

class PropertyEditor : public QScrollArea {
    Q_OBJECT
public:
    explicit PropertyEditor(DesignDocument* document, QWidget* parent = nullptr);

    // Shows the form for a single selected block or link, or a hint otherwise.
    void showSelection(const std::vector<std::string>& blockIds, const std::vector<LinkKey>& links);

    // For tests: the field editing `key` of the shown block or link, or null.
    ParamField* field(const std::string& key) const;
    QLineEdit* nameEdit() const { return m_nameEdit; }
    QLineEdit* idEdit() const { return m_idEdit; }
    QComboBox* regionEdit() const { return m_regionEdit; }

private:
    void clearForm();
    void showHint(const QString& text);
    // The open design's name, description and what to try (nothing selected).
    void showOverview();
    void buildBlockForm(const std::string& id);
    void buildLinkForm(const LinkKey& key);
    void refreshValues();
    void commitName();
    void commitRegion();
    void commitId();
    void checkIdentity(QLineEdit* edit, const QString& refusal);
    void onBlockIdChanged(const QString& oldId, const QString& newId);

    DesignDocument* m_document;
    std::string m_blockId;
    std::optional<LinkKey> m_link;
    std::map<std::string, ParamField*> m_fields;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_idEdit = nullptr;
    QComboBox* m_regionEdit = nullptr;
    QLabel* m_identityError = nullptr;
    TrafficPreview* m_trafficPreview = nullptr;
};

} // namespace scalelab::widgets
